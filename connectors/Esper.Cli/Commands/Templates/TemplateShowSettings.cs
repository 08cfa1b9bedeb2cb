using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Templates;

internal sealed class TemplateShowSettings : GlobalSettings
{
    [CommandArgument(0, "<KIND>")]
    [Description("action, entity, mitigation or policy.")]
    public string Kind { get; set; } = "";

    [CommandArgument(1, "[NAME]")]
    [Description("Template name (esper templates list); default: default.")]
    public string Name { get; set; } = "default";
}
