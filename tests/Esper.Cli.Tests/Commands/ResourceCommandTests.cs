using System.Text.Json.Nodes;
using Esper.Cli.Resources;
using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Commands;

public sealed class ResourceCommandTests
{
    [Fact]
    public async Task Delete_by_local_data_name_deletes_in_esper_and_removes_the_local_copy()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        await cli.RunAsync("action", "create", "--name", "Login Action", "--id", "act-login", "--expression", "request.path == \"/login\"");
        var copy = Path.Combine(cli.Home, "data", "actions", "login-action.json");
        Assert.True(File.Exists(copy));

        var result = await cli.RunAsync("action", "delete", "Login Action");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("delete action act-login", api.Calls);
        Assert.Null(api.Stored(ResourceKind.Action, "act-login"));
        Assert.False(File.Exists(copy));
    }

    [Fact]
    public async Task Deleting_an_unknown_id_exits_2()
    {
        using var cli = await Workspaces.InitialisedAsync(new InMemoryEsperApi());

        var result = await cli.RunAsync("policy", "delete", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Esper answered 404", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_replaces_with_the_etag_just_read_and_rewrites_the_local_copy()
    {
        var api = new InMemoryEsperApi();
        api.Seed(ResourceKind.Action, JsonNode.Parse("""{"id":"login","name":"Login","expression":"true"}""")!.AsObject());
        using var cli = await Workspaces.InitialisedAsync(api);
        var file = cli.Write("login.yaml", "id: login\nname: Login\nexpression: request.path == \"/login\"\n");

        var result = await cli.RunAsync("action", "update", "--file", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(api.Calls, c => c.StartsWith("replace action login if-match \"", StringComparison.Ordinal));
        Assert.Equal("request.path == \"/login\"", api.Stored(ResourceKind.Action, "login")!["expression"]!.GetValue<string>());
        var copy = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.Home, "data", "actions", "login.json")))!;
        Assert.Equal("request.path == \"/login\"", copy["expression"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_of_a_file_without_an_id_is_a_usage_error_and_sends_nothing()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        var file = cli.Write("login.json", """{"name":"Login","expression":"true"}""");

        var result = await cli.RunAsync("action", "update", "--file", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("login.json: field 'id' is required to update", result.Error, StringComparison.Ordinal);
        Assert.Empty(api.Calls);
    }

    [Fact]
    public async Task Policy_list_filters_by_status_and_prints_json_sorted_by_id()
    {
        var api = new InMemoryEsperApi();
        api.Seed(ResourceKind.Policy, JsonNode.Parse("""{"id":"zeta","name":"Zeta","status":"dry_run","clauses":[]}""")!.AsObject());
        api.Seed(ResourceKind.Policy, JsonNode.Parse("""{"id":"beta","name":"Beta","clauses":[]}""")!.AsObject());
        api.Seed(ResourceKind.Policy, JsonNode.Parse("""{"id":"alpha","name":"Alpha","status":"active","clauses":[]}""")!.AsObject());
        using var cli = await Workspaces.InitialisedAsync(api);

        var active = await cli.RunAsync("policy", "list", "--status", "active", "-o", "json");
        var dryRun = await cli.RunAsync("policy", "list", "--status", "dry_run", "-o", "json");

        Assert.Equal(["alpha", "beta"], active.Json.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal(["zeta"], dryRun.Json.AsArray().Select(p => p!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Status_filters_only_policies()
    {
        using var cli = await Workspaces.InitialisedAsync(new InMemoryEsperApi());

        var result = await cli.RunAsync("entity", "list", "--status", "active");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--status filters policies only", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_status_is_a_usage_error()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);

        var result = await cli.RunAsync("policy", "list", "--status", "live");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--status must be active, dry_run or disabled, not 'live'", result.Error, StringComparison.Ordinal);
        Assert.Empty(api.Calls);
    }
}
