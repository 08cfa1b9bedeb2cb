namespace Esper.Storage.AzureTables.Tests;

public sealed class KeyEncodingTests
{
    [Theory]
    [InlineData("tenant#config", "tenant~0023config")]
    [InlineData("a/b\\c?d", "a~002Fb~005Cc~003Fd")]
    [InlineData("50%~", "50~0025~007E")]
    [InlineData("tab\there\u007f", "tab~0009here~007F")]
    [InlineData("café", "caf~00E9")]
    [InlineData("plain-key_1.2:3", "plain-key_1.2:3")]
    [InlineData("", "")]
    public void Forbidden_and_escape_characters_encode_to_tilde_hex(string key, string encoded)
    {
        Assert.Equal(encoded, KeyEncoding.Encode(key));
        Assert.Equal(key, KeyEncoding.Decode(encoded));
    }

    [Fact]
    public void Every_utf16_code_unit_round_trips_and_encodes_to_allowed_characters()
    {
        var key = new string(Enumerable.Range(0, 0x10000).Select(code => (char)code).ToArray());

        string encoded = KeyEncoding.Encode(key);

        Assert.Equal(key, KeyEncoding.Decode(encoded));
        Assert.All(encoded, c => Assert.True(c is >= ' ' and <= '~' and not ('/' or '\\' or '#' or '?'), $"U+{(int)c:X4} left in the key"));
    }

    [Fact]
    public void Encoded_prefix_is_a_prefix_of_the_encoded_key()
    {
        Assert.StartsWith(KeyEncoding.Encode("t1#day/"), KeyEncoding.Encode("t1#day/2026?x"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy~0023")]
    [InlineData("a")]
    [InlineData("decision}")]
    public void Upper_bound_is_above_every_key_with_the_prefix_and_below_the_next_one(string prefix)
    {
        string upper = KeyEncoding.UpperBound(prefix);

        Assert.True(string.CompareOrdinal(prefix + "}}}}", upper) < 0);
        Assert.True(string.CompareOrdinal(prefix + KeyEncoding.Encode("\uffff"), upper) < 0);
        Assert.True(string.CompareOrdinal(prefix, upper) < 0);
    }
}
