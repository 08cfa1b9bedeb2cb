using System.Security.Cryptography;
using System.Text;
using Esper.Api.Challenge;

namespace Esper.Api.Tests.Challenge;

public sealed class ProofOfWorkTests
{
    private const string Challenge = "3f1c9a0e5b7d2c4a6e8f0b1d3c5a7e9f1b3d5c7a9e0f2b4d6c8a0e1f3b5d7c9a";

    [Theory]
    [InlineData(new byte[] { 0x80 }, 0)]
    [InlineData(new byte[] { 0x01 }, 7)]
    [InlineData(new byte[] { 0x00, 0x40 }, 9)]
    [InlineData(new byte[] { 0x00, 0x00, 0xff }, 16)]
    [InlineData(new byte[] { 0x00, 0x00 }, 16)]
    public void Counts_leading_zero_bits(byte[] hash, int expected) =>
        Assert.Equal(expected, ProofOfWork.LeadingZeroBits(hash));

    [Fact]
    public void A_nonce_with_enough_zero_bits_is_accepted_and_one_bit_more_is_demanded_in_vain()
    {
        var (nonce, bits) = FindNonce(minimumBits: 10);

        Assert.True(ProofOfWork.Verify(Challenge, nonce, bits));
        Assert.True(ProofOfWork.Verify(Challenge, nonce, 10));
        Assert.False(ProofOfWork.Verify(Challenge, nonce, bits + 1));
    }

    [Fact]
    public void A_nonce_solved_for_another_challenge_is_rejected()
    {
        var (nonce, _) = FindNonce(minimumBits: 12);

        Assert.False(ProofOfWork.Verify(new string('0', 64), nonce, 12));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("007")]
    [InlineData(" 7")]
    [InlineData("12345678901234567")]
    public void Malformed_nonces_are_rejected_even_at_difficulty_zero(string? nonce) =>
        Assert.False(ProofOfWork.Verify(Challenge, nonce, 0));

    [Fact]
    public void Challenges_are_random_64_hex_characters()
    {
        var a = ProofOfWork.CreateChallenge();

        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.NotEqual(a, ProofOfWork.CreateChallenge());
    }

    private static (string Nonce, int Bits) FindNonce(int minimumBits)
    {
        for (var n = 0L; ; n++)
        {
            var nonce = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var bits = ProofOfWork.LeadingZeroBits(SHA256.HashData(Encoding.ASCII.GetBytes(Challenge + nonce)));
            if (bits >= minimumBits)
            {
                return (nonce, bits);
            }
        }
    }
}
