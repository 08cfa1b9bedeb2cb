using System.Text.Json.Nodes;
using Esper.Cli.Tests.Support;
using Esper.Cli.Workspace;

namespace Esper.Cli.Tests.Workspace;

public sealed class AuthTests
{
    private static readonly string Key = "esk_default_" + new string('c', 48);

    [Fact]
    public async Task A_configured_api_key_takes_precedence_over_a_stored_operator_token()
    {
        var api = new InMemoryEsperApi();
        api.Keys.Add(new JsonObject { ["id"] = "key_admin", ["name"] = "bootstrap", ["scope"] = "admin", ["prefix"] = Key[..12] + "…" });
        using var cli = new CliHarness(api);
        await cli.RunAsync("init", "--api-base", "http://127.0.0.1:8080", "--api-key", Key);
        await cli.RunAsync("auth", "login", "--token", "eyJhbGciOiJIUzI1NiJ9.e30.sig");

        var whoami = await cli.RunAsync("auth", "whoami", "--output", "json");

        Assert.Equal(0, whoami.ExitCode);
        Assert.Equal(CredentialKind.ApiKey, api.Connections.Single().Credential);
        Assert.Equal(Key, api.Connections.Single().Secret);
        Assert.Equal("api_key", whoami.Json["credential"]!.GetValue<string>());
        Assert.Equal("default", whoami.Json["tenant_id"]!.GetValue<string>());
        Assert.Equal("admin", whoami.Json["scope"]!.GetValue<string>());
        Assert.Equal("key_admin", whoami.Json["key_id"]!.GetValue<string>());
        Assert.DoesNotContain(Key, whoami.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_api_key_the_operator_token_is_used()
    {
        var api = new InMemoryEsperApi();
        using var cli = new CliHarness(api);
        await cli.RunAsync("init", "--api-base", "http://127.0.0.1:8080", "--tenant-id", "default");
        await cli.RunAsync("auth", "login", "--token", "operator-jwt");

        var whoami = await cli.RunAsync("auth", "whoami", "-o", "json");

        Assert.Equal(CredentialKind.OperatorToken, api.Connections.Single().Credential);
        Assert.Equal("operator_token", whoami.Json["credential"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logout_removes_both_stored_credentials()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("init", "--api-base", "http://127.0.0.1:8080", "--api-key", Key);
        await cli.RunAsync("auth", "login", "--token", "operator-jwt");

        var logout = await cli.RunAsync("auth", "logout");
        var list = await cli.RunAsync("policy", "list");

        Assert.Contains("Removed the API key and operator token", logout.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, await File.ReadAllTextAsync(Path.Combine(cli.Home, "credentials.xml")), StringComparison.Ordinal);
        Assert.Equal(1, list.ExitCode);
        Assert.Contains("No credential for profile 'default'", list.Error, StringComparison.Ordinal);
    }
}
