using System.Text.Json;
using Esper.Core.Resources;

namespace Esper.Core.Tests.Resources;

public sealed class ResourceValidatorTests
{
    private static readonly ResourceLookup Lookup = new(["login"], ["ip-user-agent"], ["block"]);

    private static PolicyDefinition ValidPolicy() => new()
    {
        Id = "p1",
        Name = "Login abuse",
        Scope = TestExpressions.Text("request.path == \"/login\""),
        Clauses =
        [
            new PolicyClause { MitigationId = "monitor" },
            new PolicyClause
            {
                Match = TestExpressions.Text("request.method == \"POST\""),
                ActionIds = ["login"],
                EntityId = "ip-user-agent",
                Window = new PolicyWindow { Seconds = 60, Threshold = 5 },
                MitigationId = "block",
            },
        ],
    };

    private static IReadOnlyList<ValidationError> Check(PolicyDefinition policy, IResourceLookup? lookup = null) =>
        ResourceValidator.Validate(policy, lookup ?? Lookup);

    [Fact]
    public void Valid_policy_has_no_errors()
    {
        Assert.Empty(Check(ValidPolicy()));
    }

    [Fact]
    public void Every_error_is_returned_with_the_path_of_its_field()
    {
        var policy = ValidPolicy();
        policy.Name = "";
        policy.Status = "Active";
        policy.Clauses[1].Window = new PolicyWindow { Seconds = 0, Threshold = -1 };
        policy.Clauses[1].MitigationId = "bad id!";

        var paths = Check(policy).Select(e => e.Path).ToList();

        Assert.Equal(["name", "status", "clauses[1].window.seconds", "clauses[1].window.threshold", "clauses[1].mitigation_id"], paths);
    }

    [Theory]
    [InlineData(86_400, 0, true)]
    [InlineData(86_401, 0, false)]
    [InlineData(1, 1_000_000_000, true)]
    [InlineData(1, 1_000_000_001, false)]
    public void Window_bounds_are_enforced(int seconds, long threshold, bool valid)
    {
        var policy = ValidPolicy();
        policy.Clauses[1].Window = new PolicyWindow { Seconds = seconds, Threshold = threshold };

        Assert.Equal(valid, Check(policy).Count == 0);
    }

    [Fact]
    public void Window_requires_an_entity()
    {
        var policy = ValidPolicy();
        policy.Clauses[1].EntityId = null;

        var error = Assert.Single(Check(policy));

        Assert.Equal("clauses[1].entity_id", error.Path);
    }

    [Fact]
    public void References_are_checked_against_the_lookup()
    {
        var policy = ValidPolicy();
        policy.Clauses[1].ActionIds = ["login", "checkout"];
        policy.Clauses[1].EntityId = "session";
        policy.Clauses[1].MitigationId = "captcha";

        var errors = Check(policy);

        Assert.Equal(["clauses[1].action_ids[1]", "clauses[1].entity_id", "clauses[1].mitigation_id"], errors.Select(e => e.Path));
        Assert.Contains("checkout", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_lookup_references_are_not_checked()
    {
        var policy = ValidPolicy();
        policy.Clauses[1].MitigationId = "captcha";

        Assert.Empty(ResourceValidator.Validate(policy));
    }

    [Fact]
    public void Lookup_knows_the_built_in_monitor_and_the_bundled_entities()
    {
        var lookup = new ResourceLookup([], [], []);

        Assert.True(lookup.HasMitigation(BuiltInMitigations.MonitorId));
        Assert.True(lookup.HasEntity(BundledEntities.IpUserAgentId));
        Assert.True(lookup.HasEntity(BundledEntities.BotCrawlersId));
    }

    [Fact]
    public void Clause_count_is_bounded()
    {
        var policy = ValidPolicy();
        policy.Clauses = Enumerable.Range(0, 51).Select(_ => new PolicyClause { MitigationId = "monitor" }).ToList();

        Assert.Equal("clauses", Assert.Single(Check(policy)).Path);
        policy.Clauses = [];
        Assert.Equal("clauses", Assert.Single(Check(policy)).Path);
    }

    [Fact]
    public void Expression_errors_carry_the_compiler_message_and_position()
    {
        var policy = ValidPolicy();
        policy.Clauses[1].Match = TestExpressions.Text("request.method == \"POST\" && request.path ~ 1");

        var error = Assert.Single(Check(policy));

        Assert.Equal("clauses[1].match", error.Path);
        Assert.Equal(41, error.Position);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Tree_form_error_paths_are_appended_to_the_field_path()
    {
        var policy = ValidPolicy();
        policy.Scope = TestExpressions.Tree("""
            {"and": [{"field": "request.method", "op": "eq", "value": "POST"}, {"field": "request.path", "op": "eqq", "value": "/"}]}
            """);

        var error = Assert.Single(Check(policy));

        Assert.StartsWith("scope.and[1]", error.Path, StringComparison.Ordinal);
        Assert.Contains("eqq", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Position);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("[1]")]
    [InlineData("true")]
    public void Expression_must_be_a_string_or_an_object(string json)
    {
        var policy = ValidPolicy();
        policy.Scope = JsonDocument.Parse(json).RootElement;

        Assert.Equal("scope", Assert.Single(Check(policy)).Path);
    }

    [Fact]
    public void Action_requires_name_and_expression_and_a_safe_id()
    {
        var errors = ResourceValidator.Validate(new ActionDefinition { Id = "a/b", Name = " " });

        Assert.Equal(["id", "name", "expression"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Entity_key_fields_must_be_present_distinct_and_bounded()
    {
        var entity = new EntityDefinition { Id = "e", Name = "e", KeyFields = ["client_ip", "client_ip", ""], ActionId = "nope" };

        var errors = ResourceValidator.Validate(entity, Lookup);

        Assert.Equal(["key_fields[1]", "key_fields[2]", "action_id"], errors.Select(e => e.Path));
        entity.KeyFields = [];
        Assert.Contains(ResourceValidator.Validate(entity, null), e => e.Path == "key_fields");
    }

    [Fact]
    public void Mitigation_mode_and_options_are_checked_strictly()
    {
        var mitigation = new MitigationDefinition
        {
            Id = "monitor",
            Name = "m",
            Mode = "Block",
            DurationSeconds = (30L * 86_400) + 1,
            Block = new BlockOptions { StatusCode = 302 },
            Challenge = new ChallengeOptions { Provider = "anubis", ReturnUrlTemplate = "//evil.example" },
        };

        var paths = ResourceValidator.Validate(mitigation).Select(e => e.Path).ToList();

        Assert.Equal(
            ["id", "mode", "duration_seconds", "block", "block.status_code", "challenge", "challenge.provider", "challenge.return_url_template"],
            paths);
    }

    [Fact]
    public void Valid_mitigations_pass()
    {
        Assert.Empty(ResourceValidator.Validate(new MitigationDefinition
        {
            Id = "block-10m", Name = "Block", Mode = MitigationModes.Block, DurationSeconds = 600,
            Block = new BlockOptions { StatusCode = 429, Message = "Slow down" },
        }));
        Assert.Empty(ResourceValidator.Validate(new MitigationDefinition
        {
            Id = "pow", Name = "PoW", Mode = MitigationModes.Challenge,
            Challenge = new ChallengeOptions { ReturnUrlTemplate = "https://shop.example/{path}" },
        }));
    }

    [Fact]
    public void Bundled_entities_are_valid_with_stable_ids()
    {
        Assert.Equal(["ip-user-agent", "bot-crawlers"], BundledEntities.All.Select(e => e.Id));
        foreach (var entity in BundledEntities.All)
        {
            Assert.Empty(ResourceValidator.Validate(entity, null));
        }
    }

    [Fact]
    public void Name_and_description_lengths_are_bounded()
    {
        var policy = ValidPolicy();
        policy.Name = new string('n', 101);
        policy.Description = new string('d', 1001);
        policy.Clauses[0].Name = new string('c', 101);

        Assert.Equal(["name", "description", "clauses[0].name"], Check(policy).Select(e => e.Path));
        policy.Name = new string('n', 100);
        policy.Description = new string('d', 1000);
        policy.Clauses[0].Name = new string('c', 100);
        Assert.Empty(Check(policy));
    }

    [Fact]
    public void Documented_policy_example_is_valid()
    {
        const string json = """
            {
              "id": "login-abuse",
              "name": "Login abuse",
              "description": "Slow down password guessing",
              "status": "active",
              "scope": "request.path.startsWith(\"/login\")",
              "clauses": [
                {
                  "name": "too many attempts",
                  "action_ids": ["login"],
                  "entity_id": "ip-user-agent",
                  "window": { "seconds": 60, "threshold": 5 },
                  "mitigation_id": "block-10m"
                },
                {
                  "name": "scripted clients",
                  "match": { "field": "request.headers.user-agent", "op": "contains", "value": "curl" },
                  "mitigation_id": "challenge"
                }
              ]
            }
            """;
        var policy = System.Text.Json.JsonSerializer.Deserialize(json, CoreJsonContext.Default.PolicyDefinition)!;

        Assert.Empty(ResourceValidator.Validate(policy, new ResourceLookup(["login"], [], ["block-10m", "challenge"])));
    }
}
