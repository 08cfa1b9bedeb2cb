namespace Esper.Cli.Tests.Support;

/// <summary>What one run of the command printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public System.Text.Json.Nodes.JsonNode Json => System.Text.Json.Nodes.JsonNode.Parse(Output)
        ?? throw new InvalidOperationException("no JSON output");
}
