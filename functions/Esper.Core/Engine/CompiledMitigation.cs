using Esper.Core.Resources;

namespace Esper.Core.Engine;

/// <summary>An enabled mitigation.</summary>
internal sealed class CompiledMitigation(MitigationDefinition definition, MitigationMode mode)
{
    public MitigationDefinition Definition { get; } = definition;

    public MitigationMode Mode { get; } = mode;

    public long DurationSeconds { get; } = definition.DurationSeconds;
}
