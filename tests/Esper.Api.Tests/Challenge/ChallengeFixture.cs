using Esper.Api.Challenge;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Api.Tests.Challenge;

/// <summary>The challenge parts over a real SQLite store in a temporary directory, on a fake clock.</summary>
internal sealed class ChallengeFixture : IDisposable
{
    public static readonly ChallengeSigningKey KeyA = new("a", Enumerable.Repeat((byte)1, 32).ToArray());
    public static readonly ChallengeSigningKey KeyB = new("b", Enumerable.Repeat((byte)2, 32).ToArray());

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "esper-challenge-tests", Guid.NewGuid().ToString("N"));

    public ChallengeFixture(ChallengeSettings? settings = null)
    {
        Directory.CreateDirectory(_directory);
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        Store = new SqliteKeyValueStore(Path.Combine(_directory, "esper.db"), Time);
        Sessions = new ChallengeSessionStore(Store);
        Settings = settings ?? DefaultSettings();
    }

    public FakeTimeProvider Time { get; }

    public SqliteKeyValueStore Store { get; }

    public ChallengeSessionStore Sessions { get; }

    public ChallengeSettings Settings { get; }

    public ProofVerifier Verifier => new(Sessions, Settings, Time);

    public ChallengeTokenCodec Codec => new(Settings.Keys);

    public static ChallengeSettings DefaultSettings(int difficulty = 8) => new()
    {
        PublicUrl = new Uri("https://esper.example"),
        ProofOfWorkDifficulty = difficulty,
        Keys = ChallengeKeyRing.FromKeys([KeyA]),
    };

    /// <summary>A proof as a solve issues it, for tenant t1 and entity key ek1 on https://shop.example.</summary>
    public string IssueProof(string tenantId = "t1", string entityKey = "ek1", string origin = "https://shop.example", TimeSpan? lifetime = null)
    {
        var now = Time.GetUtcNow();
        return Codec.Sign(new ChallengeTokenClaims
        {
            Kind = ChallengeTokenKinds.Proof,
            TenantId = tenantId,
            EntityKeyHash = ChallengeTokenCodec.HashEntityKey(entityKey),
            Origin = origin,
            Id = ChallengeText.RandomId(),
            IssuedAt = now.ToUnixTimeSeconds(),
            ExpiresAt = (now + (lifetime ?? Settings.ProofLifetime)).ToUnixTimeSeconds(),
        });
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
