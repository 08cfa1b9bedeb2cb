using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Results;

internal sealed class ResultsSettings : GlobalSettings
{
    [CommandOption("--policy <POLICY>")]
    [Description("One policy (id or local data name): its counters and its most recent decisions.")]
    public string? Policy { get; set; }
}
