using System.Text.Json.Serialization;

namespace Esper.Core.Engine;

/// <summary>What the integration does with the request.</summary>
[JsonConverter(typeof(DecisionActionJsonConverter))]
public enum DecisionAction
{
    /// <summary>Let the request through.</summary>
    Allow,

    /// <summary>Ask the client to complete a challenge first.</summary>
    Challenge,

    /// <summary>Stop the request.</summary>
    Block,
}
