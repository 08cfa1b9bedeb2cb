using System.ComponentModel;
using Esper.Cli.Hybrid;
using Spectre.Console;
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

    [CommandOption("--proxy <LISTEN=UPSTREAM>")]
    [Description("Also enforce inline: a reverse proxy on the loopback LISTEN address in front of the app at UPSTREAM, e.g. http://127.0.0.1:8080=http://127.0.0.1:3000, instead of the runtime.xml <proxy> elements. Blocks are answered 403; everything else is forwarded.")]
    public string? Proxy { get; set; }

    [CommandOption("--stats")]
    [Description("Print the running daemon's counters (from its /stats) and exit.")]
    public bool Stats { get; set; }

    public ProxyRoute? Route => Proxy is null ? null : ProxyRoute.TryParse(Proxy, out _);

    public override ValidationResult Validate()
    {
        if (Proxy is not null && ProxyRoute.TryParse(Proxy, out var error) is null)
        {
            return ValidationResult.Error(error!);
        }

        return base.Validate();
    }
}
