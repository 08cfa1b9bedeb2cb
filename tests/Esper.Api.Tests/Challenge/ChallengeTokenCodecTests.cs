using Esper.Api.Challenge;

namespace Esper.Api.Tests.Challenge;

public sealed class ChallengeTokenCodecTests : IDisposable
{
    private readonly ChallengeFixture _f = new();

    [Fact]
    public void Signed_token_reads_back_with_its_claims()
    {
        var token = _f.IssueProof();

        var read = _f.Codec.Read(token, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow());

        Assert.True(read.IsValid);
        Assert.Equal("t1", read.Claims!.TenantId);
        Assert.Equal("https://shop.example", read.Claims.Origin);
        Assert.Equal(ChallengeTokenCodec.HashEntityKey("ek1"), read.Claims.EntityKeyHash);
        Assert.StartsWith("v1.a.", token, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_with_altered_claims_is_rejected_as_tampered()
    {
        var token = _f.IssueProof();
        var parts = token.Split('.');
        var claims = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]));
        var forged = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(claims.Replace("\"t1\"", "\"t2\"", StringComparison.Ordinal)));
        var tampered = $"{parts[0]}.{parts[1]}.{forged}.{parts[3]}";

        var read = _f.Codec.Read(tampered, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow());

        Assert.Equal(ChallengeTokenFailure.BadSignature, read.Failure);
    }

    [Fact]
    public void Token_with_altered_signature_is_rejected_as_tampered()
    {
        var token = _f.IssueProof();
        var last = token[^2] == 'A' ? 'B' : 'A';
        var tampered = token[..^2] + last + token[^1];

        Assert.Equal(ChallengeTokenFailure.BadSignature, _f.Codec.Read(tampered, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow()).Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1.a.b")]
    [InlineData("v2.a.eyJ9.abc")]
    [InlineData("v1.a$.eyJ9.abc")]
    [InlineData("v1.a.!!!.abc")]
    public void Malformed_tokens_are_rejected(string token) =>
        Assert.Equal(ChallengeTokenFailure.Malformed, _f.Codec.Read(token, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow()).Failure);

    [Fact]
    public void Token_is_valid_until_its_expiry_and_rejected_from_then_on()
    {
        var token = _f.IssueProof();

        _f.Time.Advance(_f.Settings.ProofLifetime - TimeSpan.FromSeconds(1));
        Assert.True(_f.Codec.Read(token, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow()).IsValid);

        _f.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ChallengeTokenFailure.Expired, _f.Codec.Read(token, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow()).Failure);
    }

    [Fact]
    public void A_proof_is_not_accepted_where_a_pass_is_expected()
    {
        var token = _f.IssueProof();

        Assert.Equal(ChallengeTokenFailure.WrongKind, _f.Codec.Read(token, ChallengeTokenKinds.Pass, _f.Time.GetUtcNow()).Failure);
    }

    [Fact]
    public void Rotation_signs_with_the_first_key_and_still_verifies_tokens_of_the_older_key()
    {
        var oldToken = _f.IssueProof();
        var rotated = new ChallengeTokenCodec(ChallengeKeyRing.FromKeys([ChallengeFixture.KeyB, ChallengeFixture.KeyA]));
        var newToken = rotated.Sign(rotated.Read(oldToken, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow()).Claims!);

        Assert.True(rotated.Read(oldToken, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow()).IsValid);
        Assert.StartsWith("v1.b.", newToken, StringComparison.Ordinal);
        Assert.True(rotated.Read(newToken, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow()).IsValid);
    }

    [Fact]
    public void Tokens_of_a_key_dropped_from_the_ring_are_rejected_as_unknown_key()
    {
        var oldToken = _f.IssueProof();
        var onlyNew = new ChallengeTokenCodec(ChallengeKeyRing.FromKeys([ChallengeFixture.KeyB]));

        Assert.Equal(ChallengeTokenFailure.UnknownKey, onlyNew.Read(oldToken, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow()).Failure);
    }

    [Fact]
    public void Same_key_id_with_other_secret_does_not_verify()
    {
        var token = _f.IssueProof();
        var impostor = new ChallengeTokenCodec(ChallengeKeyRing.FromKeys([new ChallengeSigningKey("a", Enumerable.Repeat((byte)9, 32).ToArray())]));

        Assert.Equal(ChallengeTokenFailure.BadSignature, impostor.Read(token, ChallengeTokenKinds.Proof, _f.Time.GetUtcNow()).Failure);
    }

    public void Dispose() => _f.Dispose();
}
