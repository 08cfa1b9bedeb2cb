using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Keys;

internal sealed class KeyCreateSettings : GlobalSettings
{
    [CommandOption("--name <NAME>")]
    [Description("Label operators see, e.g. \"web app\".")]
    public string? Name { get; set; }

    [CommandOption("--scope <SCOPE>")]
    [Description("runtime (decisions and beacon only; default) or admin (everything).")]
    [DefaultValue("runtime")]
    public string Scope { get; set; } = "runtime";

    [CommandOption("--trust-level <LEVEL>")]
    [Description("external (default), internal or trusted; attributed to the key's traffic.")]
    [DefaultValue("external")]
    public string TrustLevel { get; set; } = "external";

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return ValidationResult.Error("--name <name> is required");
        }

        if (Scope is not ("runtime" or "admin"))
        {
            return ValidationResult.Error($"--scope must be runtime or admin, not '{Scope}'");
        }

        return TrustLevel is not ("external" or "internal" or "trusted")
            ? ValidationResult.Error($"--trust-level must be external, internal or trusted, not '{TrustLevel}'")
            : base.Validate();
    }
}
