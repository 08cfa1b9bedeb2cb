using Esper.Api.Challenge;

namespace Esper.Api.Tests.Challenge;

public sealed class ProofVerifierTests : IDisposable
{
    private readonly ChallengeFixture _f = new();

    [Fact]
    public async Task A_proof_is_exchanged_for_a_pass_once_and_its_replay_is_refused()
    {
        var proof = _f.IssueProof();

        var first = await _f.Verifier.VerifyAsync("t1", proof, "https://shop.example/cart", default);
        var replay = await _f.Verifier.VerifyAsync("t1", proof, "https://shop.example/cart", default);

        Assert.True(first.Accepted);
        Assert.Equal(_f.Time.GetUtcNow() + _f.Settings.PassLifetime, first.PassExpiresAt);
        var pass = _f.Codec.Read(first.Pass, ChallengeTokenKinds.Pass, _f.Time.GetUtcNow());
        Assert.True(pass.IsValid);
        Assert.Equal(ChallengeTokenCodec.HashEntityKey("ek1"), pass.Claims!.EntityKeyHash);
        Assert.Equal(ChallengeTokenFailure.Replayed, replay.Failure);
    }

    [Fact]
    public async Task An_expired_proof_is_refused()
    {
        var proof = _f.IssueProof();
        _f.Time.Advance(_f.Settings.ProofLifetime);

        Assert.Equal(ChallengeTokenFailure.Expired, (await _f.Verifier.VerifyAsync("t1", proof, null, default)).Failure);
    }

    [Fact]
    public async Task Another_tenants_proof_is_refused_without_spending_it()
    {
        var proof = _f.IssueProof(tenantId: "t1");

        var foreign = await _f.Verifier.VerifyAsync("t2", proof, null, default);
        var owner = await _f.Verifier.VerifyAsync("t1", proof, null, default);

        Assert.Equal(ChallengeTokenFailure.WrongTenant, foreign.Failure);
        Assert.True(owner.Accepted);
    }

    [Fact]
    public async Task A_proof_presented_on_another_origin_is_refused()
    {
        var proof = _f.IssueProof(origin: "https://shop.example");

        Assert.Equal(ChallengeTokenFailure.WrongOrigin, (await _f.Verifier.VerifyAsync("t1", proof, "https://evil.example/", default)).Failure);
        Assert.Equal(ChallengeTokenFailure.WrongOrigin, (await _f.Verifier.VerifyAsync("t1", proof, "not a url", default)).Failure);
    }

    [Fact]
    public async Task A_tampered_proof_is_refused()
    {
        var proof = _f.IssueProof();
        var tampered = proof[..^3] + (proof[^3] == 'x' ? 'y' : 'x') + proof[^2..];

        Assert.Equal(ChallengeTokenFailure.BadSignature, (await _f.Verifier.VerifyAsync("t1", tampered, null, default)).Failure);
    }

    [Fact]
    public async Task A_pass_cannot_be_verified_as_a_proof()
    {
        var pass = (await _f.Verifier.VerifyAsync("t1", _f.IssueProof(), null, default)).Pass;

        Assert.Equal(ChallengeTokenFailure.WrongKind, (await _f.Verifier.VerifyAsync("t1", pass, null, default)).Failure);
    }

    public void Dispose() => _f.Dispose();
}
