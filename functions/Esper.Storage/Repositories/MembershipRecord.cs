namespace Esper.Storage.Repositories;

/// <summary>One operator's role in one tenant, keyed by the user id (the token's <c>sub</c> claim).</summary>
public sealed record MembershipRecord(string UserId, string Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
