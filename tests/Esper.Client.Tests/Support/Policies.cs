using Esper.Client;

namespace Esper.Connectors.Testing;

/// <summary>Config the connector tests share: a login action, a block and a challenge mitigation, and policies over them.</summary>
internal static class Policies
{
    /// <summary>More than five POSTs to <paramref name="path"/> in 60 s from one IP + user agent: blocked for ten minutes.</summary>
    public static async Task LoginBurstAsync(IEsperClient admin, string id, string path, int threshold = 5)
    {
        await admin.Actions.CreateAsync(new EsperAction { Id = id, Name = id, Expression = $"request.method == \"POST\" && request.path == \"{path}\"" });
        await admin.Mitigations.CreateAsync(new EsperMitigation { Id = id + "-block", Name = "Block", Mode = "block", DurationSeconds = 600 });
        await admin.Policies.CreateAsync(new EsperPolicy
        {
            Id = id,
            Name = id,
            Clauses = [new EsperClause { ActionIds = [id], EntityId = "ip-user-agent", Window = new EsperWindow(60, threshold), MitigationId = id + "-block" }],
        });
    }

    /// <summary>Every GET under <paramref name="path"/> is challenged with proof of work; loopback return origins.</summary>
    public static async Task ChallengeAsync(IEsperClient admin, string id, string path, IReadOnlyList<string>? allowedOrigins = null)
    {
        await admin.Mitigations.CreateAsync(new EsperMitigation
        {
            Id = id + "-challenge",
            Name = "Challenge",
            Mode = "challenge",
            Challenge = new EsperChallengeSettings { Provider = "proof_of_work", AllowedOrigins = allowedOrigins },
        });
        await admin.Policies.CreateAsync(new EsperPolicy
        {
            Id = id,
            Name = id,
            Scope = $"request.path.startsWith(\"{path}\")",
            Clauses = [new EsperClause { EntityId = "ip-user-agent", MitigationId = id + "-challenge" }],
        });
    }
}
