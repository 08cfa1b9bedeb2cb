using System.Text.Json.Nodes;
using Esper.Cli.Resources;
using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Commands;

public sealed class CreateTests
{
    [Fact]
    public async Task Entity_create_from_flags_submits_the_key_fields_and_writes_the_local_copy_named_after_it()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        await cli.RunAsync("action", "create", "--name", "Login Action", "--id", "act-login", "--expression", "request.path == \"/login\"");

        var result = await cli.RunAsync("entity", "create", "--name", "Login Actor", "--description", "Track login actors by IP and user agent.",
            "--key-field", "client_ip", "--key-field", "user_agent", "--action", "login-action");

        Assert.Equal(0, result.ExitCode);
        var stored = api.Stored(ResourceKind.Entity, "login-actor")!;
        Assert.Equal("[\"client_ip\",\"user_agent\"]", stored["key_fields"]!.ToJsonString());
        Assert.Equal("act-login", stored["action_id"]!.GetValue<string>());
        var copy = Path.Combine(cli.Home, "data", "entities", "login-actor.json");
        Assert.Equal("login-actor", JsonNode.Parse(await File.ReadAllTextAsync(copy))!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Policy_create_from_flags_builds_one_clause_with_the_match_and_resolved_references()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        await cli.RunAsync("mitigation", "create", "--template", "block");

        var result = await cli.RunAsync("policy", "create", "--name", "Login Policy", "--field", "request_path", "--operator", "Eq", "--value", "/login",
            "--action", "login", "--entity", "ip-user-agent", "--mitigation", "Block for ten minutes", "--window-seconds", "60", "--threshold", "5", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        var clause = api.Stored(ResourceKind.Policy, "login-policy")!["clauses"]![0]!;
        Assert.Equal("""{"field":"request_path","op":"Eq","value":"/login"}""", clause["match"]!.ToJsonString());
        Assert.Equal("""["login"]""", clause["action_ids"]!.ToJsonString());
        Assert.Equal("ip-user-agent", clause["entity_id"]!.GetValue<string>());
        Assert.Equal("block-10m", clause["mitigation_id"]!.GetValue<string>());
        Assert.Equal("""{"seconds":60,"threshold":5}""", clause["window"]!.ToJsonString());
        Assert.Equal("login-policy", result.Json["id"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(cli.Home, "data", "policies", "login-policy.json")));
    }

    [Fact]
    public async Task Policy_create_without_a_mitigation_uses_the_built_in_monitor()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);

        await cli.RunAsync("policy", "create", "--name", "Watch", "--field", "request_path", "--value", "/login");

        Assert.Equal("monitor", api.Stored(ResourceKind.Policy, "watch")!["clauses"]![0]!["mitigation_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_from_a_template_submits_the_bundled_definition()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);

        var result = await cli.RunAsync("entity", "create", "--template", "default");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""["client_ip","user_agent"]""", api.Stored(ResourceKind.Entity, "ip-user-agent")!["key_fields"]!.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_template_names_the_bundled_ones()
    {
        using var cli = await Workspaces.InitialisedAsync(new InMemoryEsperApi());

        var result = await cli.RunAsync("policy", "create", "--template", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No policy template 'nope'; bundled: default, login-burst, monitor", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_problem_exits_2_and_prints_the_detail_and_field()
    {
        var api = new InMemoryEsperApi { FailWritesOf = ResourceKind.Policy };
        using var cli = await Workspaces.InitialisedAsync(api);

        var result = await cli.RunAsync("policy", "create", "--template", "monitor");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Esper answered 400: clauses[0].window.seconds: must be between 1 and 86400", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Entity_create_from_flags_without_key_fields_is_a_usage_error()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);

        var result = await cli.RunAsync("entity", "create", "--name", "Nobody");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--key-field is required", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Calls, c => c.StartsWith("create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_dry_run_prints_the_definition_without_a_workspace_and_sends_nothing()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("policy", "create", "--template", "default", "--name", "Auth burst", "--threshold", "3", "--dry-run");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("auth-burst", result.Json["id"]!.GetValue<string>());
        Assert.Equal(3, result.Json["clauses"]![0]!["window"]!["threshold"]!.GetValue<int>());
        Assert.False(Directory.Exists(Path.Combine(cli.Home, "data")));
    }

    [Fact]
    public async Task A_threshold_without_a_window_is_a_usage_error()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("policy", "create", "--template", "monitor", "--threshold", "3", "--dry-run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--threshold needs --window-seconds", result.Error, StringComparison.Ordinal);
    }
}
