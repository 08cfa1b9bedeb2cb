using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Commands;

public sealed class FileErrorTests
{
    [Fact]
    public async Task Malformed_json_names_the_file_and_line()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        var path = cli.Write("policy.json", "{\n  \"name\": \"x\",\n  \"clauses\": [\n}\n");

        var result = await cli.RunAsync("policy", "apply", "--file", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: {path}: line 4: not valid JSON", result.Error, StringComparison.Ordinal);
        Assert.Empty(api.Calls);
    }

    [Fact]
    public async Task A_yaml_file_without_a_required_field_names_the_file_and_field()
    {
        using var cli = await Workspaces.InitialisedAsync(new InMemoryEsperApi());
        var path = cli.Write("mitigation.yaml", "id: block-1h\nname: Block for an hour\nduration_seconds: 3600\n");

        var result = await cli.RunAsync("mitigation", "apply", "--file", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path}: field 'mode' is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yaml_file_applies_like_the_same_json()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        var path = cli.Write("mitigation.yml", "id: block-1h\nname: Block for an hour\nmode: block\nduration_seconds: 3600\nblock:\n  status_code: 429\n  message: 'slow down'\n");

        var result = await cli.RunAsync("mitigation", "apply", "--file", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"id":"block-1h","name":"Block for an hour","mode":"block","duration_seconds":3600,"block":{"status_code":429,"message":"slow down"}}""",
            api.Stored(Esper.Cli.Resources.ResourceKind.Mitigation, "block-1h")!.ToJsonString());
    }

    [Fact]
    public async Task An_invalid_id_in_a_file_is_refused_before_anything_is_sent()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        var path = cli.Write("action.json", """{"id": "has space", "name": "x", "expression": "true"}""");

        var result = await cli.RunAsync("action", "apply", "--file", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("field 'id' must be 1-64 characters", result.Error, StringComparison.Ordinal);
        Assert.Empty(api.Calls);
    }
}
