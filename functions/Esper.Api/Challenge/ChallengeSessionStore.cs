using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Api.Challenge;

/// <summary>
/// Challenge items in the key-value store: sessions (solved once: deleted with their version) and spent proof ids
/// (put-if-absent, expiring with the proof). Each lives in its own partition, led by the tenant id, so a burst of
/// challenges for one tenant spreads over many partitions.
/// </summary>
internal sealed class ChallengeSessionStore(IKeyValueStore store)
{
    /// <summary>Saves a new session; false when the id is already taken (practically never: 128 random bits).</summary>
    public async ValueTask<bool> CreateAsync(ChallengeSession session, CancellationToken cancellationToken)
    {
        var key = SessionKey(session.TenantId, RandomPart(session.Id));
        var document = JsonSerializer.Serialize(session, ChallengeJsonContext.Default.ChallengeSession);
        var result = await store.PutAsync(key, document, WriteCondition.IfAbsent, session.ExpiresAt, cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    /// <summary>Loads a live session and its version, or null when the id is malformed, unknown, solved or expired.</summary>
    public async ValueTask<(ChallengeSession Session, string Version)?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!TryParseId(sessionId, out var tenantId, out var random))
        {
            return null;
        }

        var item = await store.GetAsync(SessionKey(tenantId, random), cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        ChallengeSession? session;
        try
        {
            session = JsonSerializer.Deserialize(item.Document, ChallengeJsonContext.Default.ChallengeSession);
        }
        catch (JsonException)
        {
            return null;
        }

        return session is null || session.Id != sessionId ? null : (session, item.Version);
    }

    /// <summary>Ends a solved session; false when another solve already ended it (the caller must not issue a proof).</summary>
    public async ValueTask<bool> CompleteAsync(ChallengeSession session, string version, CancellationToken cancellationToken)
    {
        var result = await store.DeleteAsync(SessionKey(session.TenantId, RandomPart(session.Id)), version, cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    /// <summary>Records a proof id as spent; false when it was spent before (a replay).</summary>
    public async ValueTask<bool> TrySpendProofAsync(string tenantId, string proofId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var key = new ItemKey($"{tenantId}#challenge#{proofId}", "spent");
        var result = await store.PutAsync(key, "{}", WriteCondition.IfAbsent, expiresAt, cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    /// <summary>A new session id for <paramref name="tenantId"/>.</summary>
    public static string NewId(string tenantId) =>
        $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(tenantId))}.{ChallengeText.RandomId()}";

    /// <summary>Splits a session id into its tenant and random part; false when malformed.</summary>
    public static bool TryParseId(string? sessionId, out string tenantId, out string random)
    {
        tenantId = random = "";
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 200)
        {
            return false;
        }

        var dot = sessionId.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !ChallengeText.IsToken(sessionId.AsSpan(dot + 1), 64) || !Base64Url.IsValid(sessionId.AsSpan(0, dot)))
        {
            return false;
        }

        var tenantBytes = Base64Url.DecodeFromChars(sessionId.AsSpan(0, dot));
        tenantId = Encoding.UTF8.GetString(tenantBytes);
        random = sessionId[(dot + 1)..];
        return tenantId.Length > 0 && !tenantId.Any(char.IsControl);
    }

    private static string RandomPart(string sessionId) => sessionId[(sessionId.IndexOf('.', StringComparison.Ordinal) + 1)..];

    private static ItemKey SessionKey(string tenantId, string random) => new($"{tenantId}#challenge#{random}", "session");
}
