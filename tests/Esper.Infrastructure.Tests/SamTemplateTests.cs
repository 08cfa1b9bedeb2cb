using System.Text.RegularExpressions;
using Esper.Api.Http;

namespace Esper.Infrastructure.Tests;

/// <summary>template.yaml (AWS SAM): cfn-lint, and the facts the deployment relies on.</summary>
public sealed partial class SamTemplateTests
{
    /// <summary>
    /// cfn-lint from npm (1.9.7) carries a resource specification older than SAM's HTTP APIs and the
    /// Architectures property, so it reports exactly these as unknown. Every other finding fails the test.
    /// </summary>
    private static readonly Regex[] FindingsOfTheLintersOutdatedSpecification =
    [
        new(@"^Resources > EsperHttpApi: Resource EsperHttpApi has an invalid Type of AWS::Serverless::HttpApi\.$"),
        new(@"^Resources > EsperFunction > Properties > Events > \w+ > Properties > ApiId: ApiId is not a valid property of AWS::Serverless::Function\.ApiEvent$"),
        new(@"^Resources > EsperFunction > Properties > Architectures: Architectures is not a valid property of AWS::Serverless::Function$"),
    ];

    private static readonly string Template = File.ReadAllText(RepositoryFiles.Path("template.yaml"));

    [Fact]
    public async Task Cfn_lint_finds_nothing_beyond_what_its_specification_predates()
    {
        var findings = await LintAsync(RepositoryFiles.Path("template.yaml"));

        var unexpected = findings.Where(f => !FindingsOfTheLintersOutdatedSpecification.Any(r => r.IsMatch(f))).ToList();
        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected));
    }

    [Fact]
    public async Task Cfn_lint_reports_a_reference_to_a_missing_resource()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"esper-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(broken, Template.Replace("!GetAtt EsperTable.Arn", "!GetAtt MissingTable.Arn", StringComparison.Ordinal));
        try
        {
            var findings = await LintAsync(broken);

            Assert.Contains(findings, f => f.Contains("MissingTable", StringComparison.Ordinal)
                && !FindingsOfTheLintersOutdatedSpecification.Any(r => r.IsMatch(f)));
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Every_api_route_is_an_http_api_event_of_the_function_and_every_event_is_a_route()
    {
        var events = HttpApiEvents().ToHashSet();
        var routes = ApiRoutes.All.Select(r => (r.Name, r.Method, r.Template)).ToHashSet();

        Assert.Empty(routes.Except(events));
        Assert.Empty(events.Except(routes));
    }

    [Fact]
    public void Table_has_the_stores_key_schema_ttl_attribute_and_point_in_time_recovery()
    {
        Assert.Matches(@"KeySchema:\s+- AttributeName: pk\s+KeyType: HASH\s+- AttributeName: sk\s+KeyType: RANGE", Template);
        Assert.Matches(@"TimeToLiveSpecification:\s+AttributeName: expires_at\s+Enabled: true", Template);
        Assert.Matches(@"PointInTimeRecoveryEnabled: true", Template);
    }

    [Fact]
    public void Function_may_only_touch_items_of_its_own_table()
    {
        var statements = Regex.Matches(Template, @"Action:\s+((?:- [\w:*]+\s+)+)Resource: (.+)");

        var statement = Assert.Single(statements);
        Assert.Equal("!GetAtt EsperTable.Arn", statement.Groups[2].Value.Trim());
        var actions = Regex.Matches(statement.Groups[1].Value, @"- ([\w:*]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.All(actions, a => Assert.StartsWith("dynamodb:", a, StringComparison.Ordinal));
        Assert.DoesNotContain(actions, a => a.Contains('*', StringComparison.Ordinal) || a.Contains("Table", StringComparison.Ordinal));
    }

    [Fact]
    public void Function_runs_on_the_custom_runtime_with_the_dynamodb_store()
    {
        Assert.Matches(@"Runtime: provided\.al2023", Template);
        Assert.Matches(@"Handler: bootstrap", Template);
        Assert.Matches(@"ESPER_STORE: dynamodb", Template);
        Assert.Matches(@"ESPER_DYNAMODB_TABLE: !Ref EsperTable", Template);
        Assert.Matches(@"ApiUrl:[\s\S]+EsperHttpApi", Template);
    }

    [Theory]
    [InlineData("ESPER_JWT_ISSUER", "JwtIssuer")]
    [InlineData("ESPER_JWT_AUDIENCE", "JwtAudience")]
    [InlineData("ESPER_JWT_SIGNING_KEY", "JwtSigningKey")]
    [InlineData("ESPER_JWT_JWKS_URL", "JwtJwksUrl")]
    [InlineData("ESPER_JWT_CLOCK_SKEW_SECONDS", "JwtClockSkewSeconds")]
    public void Operator_sign_in_settings_are_optional_parameters_passed_to_the_function(string setting, string parameter)
    {
        Assert.Matches($@"\n          {setting}: !Ref {parameter}\n", Template);
        Assert.Matches($@"\n  {parameter}:\n    Type: \w+\n    Default: ", Template);
    }

    [Fact]
    public void The_development_issuer_is_never_deployed()
    {
        Assert.DoesNotContain("ESPER_JWT_DEV_SECRET:", Template, StringComparison.Ordinal);
        Assert.Matches(@"\n  JwtSigningKey:\n    Type: String\n    Default: """"\n    NoEcho: true\n", Template);
    }

    private static IEnumerable<(string Name, string Method, string Path)> HttpApiEvents()
    {
        foreach (Match match in HttpApiEvent().Matches(Template))
        {
            yield return (match.Groups["name"].Value, match.Groups["method"].Value, match.Groups["path"].Value);
        }
    }

    private static async Task<List<string>> LintAsync(string templatePath)
    {
        var (_, output, errors) = await RepositoryFiles.RunAsync(RepositoryFiles.NodeTool("cfn-lint"), "validate", templatePath);
        var text = Regex.Replace(output + errors, @"\x1b\[[0-9;]*m", "");
        var findings = Regex.Matches(text, @"Resource: (?<where>.+)\r?\nMessage: (?<what>.+)")
            .Select(m => $"{m.Groups["where"].Value.Trim()}: {m.Groups["what"].Value.Trim()}")
            .ToList();
        Assert.True(findings.Count > 0 || text.Contains("Template valid!", StringComparison.Ordinal), $"unexpected cfn-lint output:\n{text}");
        return findings;
    }

    [GeneratedRegex(@"^        (?<name>\w+):\n          Type: HttpApi\n          Properties:\n            ApiId: !Ref EsperHttpApi\n            Method: (?<method>[A-Z]+)\n            Path: (?<path>\S+)$", RegexOptions.Multiline)]
    private static partial Regex HttpApiEvent();
}
