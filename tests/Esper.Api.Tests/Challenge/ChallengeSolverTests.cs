using System.Security.Cryptography;
using System.Text;
using Esper.Api.Challenge;
using Esper.Core.Resources;

namespace Esper.Api.Tests.Challenge;

public sealed class ChallengeSolverTests : IDisposable
{
    private readonly ChallengeFixture _f = new();
    private readonly TurnstileStandIn _cloudflare = new();
    private readonly HttpClient _http = new();

    [Fact]
    public async Task A_correct_nonce_sends_the_visitor_back_with_a_proof_bound_to_tenant_entity_and_origin()
    {
        var session = await CreateSessionAsync();

        var result = await Solver().SolveAsync(session.Id, Form("nonce", Solve(session)), null, default);

        Assert.Equal(ChallengeSolveOutcome.Solved, result.Outcome);
        Assert.StartsWith("https://shop.example/cart?item=1&esper_challenge_proof=", result.Location, StringComparison.Ordinal);
        var location = result.Location!;
        var proof = Uri.UnescapeDataString(location[(location.IndexOf("esper_challenge_proof=", StringComparison.Ordinal) + "esper_challenge_proof=".Length)..]);
        var claims = _f.Codec.Read(proof, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow()).Claims!;
        Assert.Equal("t1", claims.TenantId);
        Assert.Equal(ChallengeTokenCodec.HashEntityKey("ek1"), claims.EntityKeyHash);
        Assert.Equal("https://shop.example", claims.Origin);
    }

    [Fact]
    public async Task A_nonce_with_too_few_zero_bits_is_rejected_and_the_session_stays_open()
    {
        var session = await CreateSessionAsync();
        var wrong = Enumerable.Range(0, 10_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(n => !ProofOfWork.Verify(session.PowChallenge, n, session.Difficulty));

        var rejected = await Solver().SolveAsync(session.Id, Form("nonce", wrong), null, default);
        var retried = await Solver().SolveAsync(session.Id, Form("nonce", Solve(session)), null, default);

        Assert.Equal(ChallengeSolveOutcome.Rejected, rejected.Outcome);
        Assert.Equal("nonce", rejected.Field);
        Assert.Equal(ChallengeSolveOutcome.Solved, retried.Outcome);
    }

    [Fact]
    public async Task A_session_is_solved_only_once()
    {
        var session = await CreateSessionAsync();
        var nonce = Solve(session);

        await Solver().SolveAsync(session.Id, Form("nonce", nonce), null, default);
        var again = await Solver().SolveAsync(session.Id, Form("nonce", nonce), null, default);

        Assert.Equal(ChallengeSolveOutcome.Gone, again.Outcome);
    }

    [Fact]
    public async Task An_expired_session_cannot_be_solved()
    {
        var session = await CreateSessionAsync();
        _f.Time.Advance(_f.Settings.SessionLifetime);

        Assert.Equal(ChallengeSolveOutcome.Gone, (await Solver().SolveAsync(session.Id, Form("nonce", Solve(session)), null, default)).Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nodot")]
    [InlineData("dDE.")]
    [InlineData("dDE.abc")]
    [InlineData("!!!.abc")]
    public async Task Unknown_or_malformed_session_ids_are_gone(string id) =>
        Assert.Equal(ChallengeSolveOutcome.Gone, (await Solver().SolveAsync(id, Form("nonce", "1"), null, default)).Outcome);

    [Fact]
    public async Task A_turnstile_token_accepted_by_siteverify_solves_the_session()
    {
        var session = await CreateSessionAsync(ChallengeProviders.Turnstile);

        var result = await Solver().SolveAsync(session.Id, Form("cf-turnstile-response", "tok"), "203.0.113.9", default);

        Assert.Equal(ChallengeSolveOutcome.Solved, result.Outcome);
        Assert.Contains("response=tok", Assert.Single(_cloudflare.Requests), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turnstile_token_refused_by_siteverify_is_rejected()
    {
        var session = await CreateSessionAsync(ChallengeProviders.Turnstile);
        _cloudflare.Answer = """{"success":false,"error-codes":["invalid-input-response"]}""";

        var result = await Solver().SolveAsync(session.Id, Form("cf-turnstile-response", "tok"), null, default);

        Assert.Equal(ChallengeSolveOutcome.Rejected, result.Outcome);
        Assert.Equal("cf-turnstile-response", result.Field);
    }

    [Fact]
    public async Task A_missing_turnstile_token_is_rejected_without_asking_cloudflare()
    {
        var session = await CreateSessionAsync(ChallengeProviders.Turnstile);

        Assert.Equal(ChallengeSolveOutcome.Rejected, (await Solver().SolveAsync(session.Id, Form("nonce", "1"), null, default)).Outcome);
        Assert.Empty(_cloudflare.Requests);
    }

    [Fact]
    public void Proof_replaces_an_earlier_proof_parameter_and_keeps_the_fragment()
    {
        var url = ChallengeSolver.WithProof("https://shop.example/a?esper_challenge_proof=old&x=1#frag", "v1.a.b.c");

        Assert.Equal("https://shop.example/a?x=1&esper_challenge_proof=v1.a.b.c#frag", url);
    }

    public void Dispose()
    {
        _http.Dispose();
        _cloudflare.Dispose();
        _f.Dispose();
    }

    private ChallengeSolver Solver()
    {
        var settings = new ChallengeSettings
        {
            ProofOfWorkDifficulty = _f.Settings.ProofOfWorkDifficulty,
            TurnstileSiteKey = "site",
            TurnstileSecretKey = "secret",
            TurnstileVerifyUrl = _cloudflare.Url,
            Keys = _f.Settings.Keys,
        };
        return new ChallengeSolver(_f.Sessions, new TurnstileClient(_http, settings), settings, _f.Time);
    }

    private async Task<ChallengeSession> CreateSessionAsync(string provider = ChallengeProviders.ProofOfWork)
    {
        var now = _f.Time.GetUtcNow();
        var session = new ChallengeSession
        {
            Id = ChallengeSessionStore.NewId("t1"),
            TenantId = "t1",
            EntityKey = "ek1",
            Provider = provider,
            ReturnUrl = "https://shop.example/cart?item=1",
            ReturnOrigin = "https://shop.example",
            PowChallenge = ProofOfWork.CreateChallenge(),
            Difficulty = 8,
            CreatedAt = now,
            ExpiresAt = now + _f.Settings.SessionLifetime,
        };
        Assert.True(await _f.Sessions.CreateAsync(session, default));
        return session;
    }

    private static string Solve(ChallengeSession session)
    {
        for (var n = 0; ; n++)
        {
            var nonce = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ProofOfWork.LeadingZeroBits(SHA256.HashData(Encoding.ASCII.GetBytes(session.PowChallenge + nonce))) >= session.Difficulty)
            {
                return nonce;
            }
        }
    }

    private static Dictionary<string, string> Form(string name, string value) => new(StringComparer.Ordinal) { [name] = value };
}
