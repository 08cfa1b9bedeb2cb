namespace Esper.Api.Operators;

/// <summary>A validated operator token: the signed-in user (the token's <c>sub</c>).</summary>
internal sealed record OperatorIdentity(string UserId);
