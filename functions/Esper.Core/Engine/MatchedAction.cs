namespace Esper.Core.Engine;

/// <summary>An action the request matched.</summary>
/// <param name="Id">The action id.</param>
/// <param name="Name">The action name.</param>
public sealed record MatchedAction(string Id, string Name);
