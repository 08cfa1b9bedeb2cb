using System.ComponentModel;
using Esper.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands;

/// <summary>The options every command accepts (before or after the command name).</summary>
internal class GlobalSettings : CommandSettings
{
    [CommandOption("-o|--output <FORMAT>")]
    [Description("Output format: table (default) or json (stable, for scripts).")]
    [DefaultValue("table")]
    public string Output { get; set; } = "table";

    [CommandOption("--profile <NAME>")]
    [Description("Workspace profile to use instead of the current one (esper profile use).")]
    public string? Profile { get; set; }

    [CommandOption("--tenant-id <ID>")]
    [Description("Tenant to address instead of the profile's; must be the tenant of the API key in use.")]
    public string? TenantId { get; set; }

    [CommandOption("--api-base <URL>")]
    [Description("Esper API base URL instead of the profile's, e.g. http://127.0.0.1:8080.")]
    public string? ApiBase { get; set; }

    public OutputFormat Format => string.Equals(Output, "json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json : OutputFormat.Table;

    public override ValidationResult Validate()
    {
        if (!string.Equals(Output, "json", StringComparison.OrdinalIgnoreCase) && !string.Equals(Output, "table", StringComparison.OrdinalIgnoreCase))
        {
            return ValidationResult.Error($"--output must be table or json, not '{Output}'");
        }

        if (ApiBase is not null && !ApiBaseUrl.IsValid(ApiBase))
        {
            return ValidationResult.Error($"--api-base must be an absolute http(s) URL, not '{ApiBase}'");
        }

        return ValidationResult.Success();
    }
}
