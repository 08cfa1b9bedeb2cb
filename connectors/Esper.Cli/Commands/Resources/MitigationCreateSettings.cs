using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

internal sealed class MitigationCreateSettings : CreateSettings
{
    [CommandOption("--mode <MODE>")]
    [Description("monitor, challenge or block.")]
    public string? Mode { get; set; }

    [CommandOption("--duration-seconds <SECONDS>")]
    [Description("How long it stays on the actor once it fired (0 = the firing request only).")]
    public long? DurationSeconds { get; set; }

    [CommandOption("--status-code <CODE>")]
    [Description("block only: the HTTP status to answer (400-599, default 403).")]
    public int? StatusCode { get; set; }

    [CommandOption("--message <TEXT>")]
    [Description("block only: the message to answer.")]
    public string? Message { get; set; }

    [CommandOption("--provider <PROVIDER>")]
    [Description("challenge only: proof_of_work (default) or turnstile.")]
    public string? Provider { get; set; }
}
