namespace Esper.Storage.Repositories;

/// <summary>
/// The idempotency item of one caller key: <c>pending</c> while the first request decides, then <c>done</c> with the
/// response it answered, so a retry answers exactly the same.
/// </summary>
public sealed record IdempotencyRecord(string State, int StatusCode, string? Response);
