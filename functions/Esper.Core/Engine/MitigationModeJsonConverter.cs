namespace Esper.Core.Engine;

/// <summary>JSON for <see cref="MitigationMode"/> through <see cref="MitigationModeFacts"/>.</summary>
public sealed class MitigationModeJsonConverter : WireNameJsonConverter<MitigationMode>
{
    /// <inheritdoc />
    protected override string Name(MitigationMode value) => value.WireName();

    /// <inheritdoc />
    protected override MitigationMode? Parse(string? name) => MitigationModeFacts.Parse(name);
}
