using System.Text.Json.Serialization;

namespace Esper.Core.Engine;

/// <summary>What the integration does with the request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionAction>))]
public enum DecisionAction
{
    /// <summary>Let the request through.</summary>
    [JsonStringEnumMemberName("allow")]
    Allow,

    /// <summary>Ask the client to complete a challenge first.</summary>
    [JsonStringEnumMemberName("challenge")]
    Challenge,

    /// <summary>Stop the request.</summary>
    [JsonStringEnumMemberName("block")]
    Block,
}
