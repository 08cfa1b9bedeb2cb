using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Workspace;

internal sealed class InitSettings : GlobalSettings
{
    [CommandOption("--api-key <SECRET>")]
    [Description("Tenant API key; stored in credentials.xml (mode 0600), never in config.yaml.")]
    public string? ApiKey { get; set; }

    public override ValidationResult Validate() =>
        ApiBase is null ? ValidationResult.Error("--api-base <url> is required, e.g. esper init --api-base http://127.0.0.1:8080") : base.Validate();
}
