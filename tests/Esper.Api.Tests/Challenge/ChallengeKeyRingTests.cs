using Esper.Api.Challenge;

namespace Esper.Api.Tests.Challenge;

public sealed class ChallengeKeyRingTests
{
    private static readonly string Secret32 = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Parses_keys_in_order_with_the_first_as_signing_key()
    {
        var ring = ChallengeKeyRing.Parse($"k2:{Secret32}, k1:{Secret32.Replace('+', '-').Replace('/', '_').TrimEnd('=')}", out var error);

        Assert.Null(error);
        Assert.Equal("k2", ring!.Current.Id);
        Assert.True(ring.TryGet("k1", out _));
        Assert.False(ring.IsEphemeral);
    }

    [Theory]
    [InlineData("nocolon", "id:base64secret")]
    [InlineData("bad id:AAAA", "key id")]
    [InlineData("k1:AAAA", "at least 32 bytes")]
    [InlineData("k1:@@@", "at least 32 bytes")]
    public void Rejects_malformed_key_lists_with_a_reason(string text, string expected)
    {
        Assert.Null(ChallengeKeyRing.Parse(text, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_repeated_key_id()
    {
        Assert.Null(ChallengeKeyRing.Parse($"k1:{Secret32},k1:{Secret32}", out var error));
        Assert.Contains("twice", error, StringComparison.Ordinal);
    }
}
