using System.Text.Json.Serialization;

namespace Esper.Core.Engine;

/// <summary>What a decision (or one policy) produced, as results count it: monitor shows as observe.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome
{
    /// <summary>Nothing fired (or only a waived challenge).</summary>
    [JsonStringEnumMemberName("allow")]
    Allow,

    /// <summary>A monitor mitigation fired: allowed and recorded as observed.</summary>
    [JsonStringEnumMemberName("observe")]
    Observe,

    /// <summary>A challenge mitigation fired.</summary>
    [JsonStringEnumMemberName("challenge")]
    Challenge,

    /// <summary>A block mitigation fired.</summary>
    [JsonStringEnumMemberName("block")]
    Block,
}
