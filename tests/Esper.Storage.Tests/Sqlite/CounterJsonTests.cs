using Esper.Storage.Sqlite;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>The text of a counter item's <c>counters</c> column: what the store writes it reads back, and SQLite's form too.</summary>
public sealed class CounterJsonTests
{
    [Fact]
    public void Written_counters_read_back_with_their_exact_values()
    {
        var counters = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["a"] = 0,
            ["m59_total"] = long.MaxValue,
            ["Neg_1"] = long.MinValue,
        };

        var json = CounterJson.Write(counters);

        Assert.Equal("{\"a\":0,\"m59_total\":9223372036854775807,\"Neg_1\":-9223372036854775808}", json);
        Assert.Equal(counters, CounterJson.Read(json));
    }

    [Fact]
    public void No_counters_are_an_empty_object()
    {
        Assert.Equal("{}", CounterJson.Write(new Dictionary<string, long>()));
        Assert.Empty(CounterJson.Read("{}"));
        Assert.Empty(CounterJson.Read(" { } "));
    }

    [Fact]
    public void Whitespace_between_tokens_is_allowed()
    {
        Assert.Equal(new Dictionary<string, long> { ["a"] = 1, ["b"] = -2 }, CounterJson.Read(" { \"a\" : 1 ,\n\"b\":-2 } "));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\":1.5}")]
    [InlineData("{\"a\":\"1\"}")]
    [InlineData("{\"a\\\"b\":1}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1} x")]
    [InlineData("{a:1}")]
    public void Text_that_is_not_an_object_of_integers_is_refused(string json)
    {
        Assert.Throws<InvalidDataException>(() => CounterJson.Read(json));
    }
}
