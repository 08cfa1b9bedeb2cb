using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Hybrid;

/// <summary>Options of <c>esper capture run</c>.</summary>
internal sealed class CaptureRunSettings : GlobalSettings
{
    [CommandOption("--interface <NAME>")]
    [Description("Interface to capture on, e.g. eth0 (see the error for the list). Required unless --test.")]
    public string? Interface { get; set; }

    [CommandOption("--test")]
    [Description("Capture on the loopback interface lo.")]
    public bool Test { get; set; }

    [CommandOption("--filter <BPF>")]
    [Description("Berkeley packet filter, e.g. \"tcp port 8080\". Default \"tcp\".")]
    [DefaultValue("tcp")]
    public string Filter { get; set; } = "tcp";

    [CommandOption("--dry-run")]
    [Description("Print each request seen instead of forwarding it to origin.")]
    public bool DryRun { get; set; }

    [CommandOption("--stats")]
    [Description("Print the packet, request, forward, enforce and sync counters when capture stops.")]
    public bool Stats { get; set; }

    [CommandOption("--enforce")]
    [Description("Not possible with capture: a sniffer cannot drop packets. Use esper run --proxy for inline enforcement.")]
    public bool Enforce { get; set; }

    [CommandOption("--sync-interval-seconds <SECONDS>")]
    [Description("Seconds between forwards of the queued requests to origin's beacon. Default 5.")]
    [DefaultValue(5)]
    public int SyncIntervalSeconds { get; set; } = 5;

    public string InterfaceName => Test ? "lo" : Interface ?? "";

    public override ValidationResult Validate()
    {
        if (!Test && string.IsNullOrWhiteSpace(Interface))
        {
            return ValidationResult.Error("capture run needs --interface <name>, or --test to capture on lo");
        }

        if (Enforce)
        {
            return ValidationResult.Error("--enforce: a packet sniffer sees copies of packets the kernel already delivered and cannot drop one; enforce inline with esper run --proxy <listen>=<upstream> (docs/hybrid.md)");
        }

        return SyncIntervalSeconds is < 1 or > 86400 ? ValidationResult.Error("--sync-interval-seconds must be from 1 to 86400") : base.Validate();
    }
}
