using System.Text.Json.Nodes;
using Esper.Cli.Apply;
using Esper.Cli.Resources;
using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Apply;

public sealed class StaleETagTests
{
    [Fact]
    public async Task A_resource_changed_between_plan_and_apply_is_refused_not_overwritten()
    {
        var api = new InMemoryEsperApi();
        api.Seed(ResourceKind.Action, JsonNode.Parse("""{"id":"login","name":"Login","expression":"true"}""")!.AsObject());
        var dir = Path.Combine(Path.GetTempPath(), "esper-cli-tests", Guid.NewGuid().ToString("n"));
        var file = Path.Combine(dir, "actions", "login.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, """{"id":"login","name":"Login","expression":"request.path == \"/login\""}""");
        var plan = await new ApplyPlanner(api).PlanAsync(ResourceSetLoader.Load(dir), CancellationToken.None);
        await api.ReplaceAsync(ResourceKind.Action, "login", JsonNode.Parse("""{"name":"Changed elsewhere","expression":"false"}""")!.AsObject(), null, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<PartialApplyException>(() =>
            new ApplyExecutor(api, new LocalData(new Esper.Cli.Workspace.EsperHome(dir))).ExecuteAsync(plan, (_, _) => { }, CancellationToken.None));

        Assert.Equal(2, failure.ExitCode);
        Assert.Contains("Esper answered 412", failure.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", failure.Message, StringComparison.Ordinal);
        Assert.Equal("Changed elsewhere", api.Stored(ResourceKind.Action, "login")!["name"]!.GetValue<string>());
        Directory.Delete(dir, recursive: true);
    }
}
