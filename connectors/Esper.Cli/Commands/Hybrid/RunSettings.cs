using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Hybrid;

/// <summary>Options of <c>esper run</c>; each overrides its element of <c>~/.esper/runtime.xml</c>.</summary>
internal sealed class RunSettings : GlobalSettings
{
    [CommandOption("--listen <URL>")]
    [Description("Loopback address to serve on, e.g. http://127.0.0.1:8787 (runtime.xml <listen>).")]
    public string? Listen { get; set; }

    [CommandOption("--sync-interval-seconds <SECONDS>")]
    [Description("Seconds between syncs with origin (runtime.xml <sync_interval_seconds>).")]
    public int? SyncIntervalSeconds { get; set; }

    [CommandOption("--stats")]
    [Description("Print the running daemon's counters (from its /stats) and exit.")]
    public bool Stats { get; set; }
}
