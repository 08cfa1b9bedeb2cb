using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Hybrid;

/// <summary>Options of <c>esper capture record</c>.</summary>
internal sealed class CaptureRecordSettings : GlobalSettings
{
    [CommandOption("--output-file|--pcap <FILE>")]
    [Description("PCAP file to write (the seed's --output; here --pcap, because -o/--output is the output format).")]
    public string? File { get; set; }

    [CommandOption("--duration <SECONDS>")]
    [Description("Seconds to record. Default 10.")]
    [DefaultValue(10)]
    public int Duration { get; set; } = 10;

    [CommandOption("--interface <NAME>")]
    [Description("Interface to record, e.g. lo.")]
    [DefaultValue("lo")]
    public string Interface { get; set; } = "lo";

    [CommandOption("--filter <BPF>")]
    [Description("Berkeley packet filter. Default: every packet.")]
    public string? Filter { get; set; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(File))
        {
            return ValidationResult.Error("capture record needs --pcap <file>");
        }

        return Duration is < 1 or > 86400 ? ValidationResult.Error("--duration must be from 1 to 86400 seconds") : base.Validate();
    }
}
