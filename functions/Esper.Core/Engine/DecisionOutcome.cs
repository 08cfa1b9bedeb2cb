using System.Text.Json.Serialization;

namespace Esper.Core.Engine;

/// <summary>What a decision (or one policy) produced, as results count it: monitor shows as observe.</summary>
[JsonConverter(typeof(DecisionOutcomeJsonConverter))]
public enum DecisionOutcome
{
    /// <summary>Nothing fired (or only a waived challenge).</summary>
    Allow,

    /// <summary>A monitor mitigation fired: allowed and recorded as observed.</summary>
    Observe,

    /// <summary>A challenge mitigation fired.</summary>
    Challenge,

    /// <summary>A block mitigation fired.</summary>
    Block,
}
