using System.ComponentModel;
using Esper.Cli.Hybrid;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Hybrid;

/// <summary>Options of <c>esper sync [actions|entities|mitigations|policies]</c>.</summary>
internal sealed class SyncSettings : GlobalSettings
{
    [CommandArgument(0, "[KIND]")]
    [Description("actions, entities, mitigations or policies; all of them when omitted.")]
    public string? Kind { get; set; }

    public IReadOnlyList<string> Kinds => Kind is null ? ConfigCache.Kinds : [Kind.ToLowerInvariant()];

    public override ValidationResult Validate()
    {
        if (Kind is not null && !ConfigCache.Kinds.Contains(Kind.ToLowerInvariant()))
        {
            return ValidationResult.Error($"sync takes one of {string.Join(", ", ConfigCache.Kinds)}, not '{Kind}'");
        }

        return base.Validate();
    }
}
