using System.Text.Json.Serialization;

namespace Esper.Core.Engine;

/// <summary>The mode of a mitigation, ordered by strength (block is strongest).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MitigationMode>))]
public enum MitigationMode
{
    /// <summary>Observe only.</summary>
    [JsonStringEnumMemberName("monitor")]
    Monitor = 1,

    /// <summary>Challenge the client.</summary>
    [JsonStringEnumMemberName("challenge")]
    Challenge = 2,

    /// <summary>Block the request.</summary>
    [JsonStringEnumMemberName("block")]
    Block = 3,
}
