using System.Text.Json.Serialization;

namespace Esper.Core.Engine;

/// <summary>The mode of a mitigation; <see cref="MitigationModeFacts"/> holds its wire name and what it produces.</summary>
[JsonConverter(typeof(MitigationModeJsonConverter))]
public enum MitigationMode
{
    /// <summary>Observe only.</summary>
    Monitor,

    /// <summary>Challenge the client.</summary>
    Challenge,

    /// <summary>Block the request.</summary>
    Block,
}
