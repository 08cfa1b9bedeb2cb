using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Hybrid;

/// <summary>Options of <c>esper capture test-server</c>.</summary>
internal sealed class TestServerSettings : GlobalSettings
{
    [CommandOption("--port <PORT>")]
    [Description("Loopback port to serve on (127.0.0.1). Default 8888.")]
    [DefaultValue(8888)]
    public int Port { get; set; } = 8888;

    public override ValidationResult Validate() =>
        Port is < 1 or > 65535 ? ValidationResult.Error($"--port must be from 1 to 65535, not {Port}") : base.Validate();
}
