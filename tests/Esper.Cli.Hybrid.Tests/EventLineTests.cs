using System.Text;
using System.Text.Json;

namespace Esper.Cli.Hybrid.Tests;

public sealed class EventLineTests
{
    [Fact]
    public void A_compact_body_with_its_own_idempotency_key_is_reused_without_a_copy()
    {
        var body = Encoding.UTF8.GetBytes("{\"idempotency_key\":\"mine\",\"request\":{\"path\":\"/\"}}");

        var line = EventLine.Of(body);

        Assert.Same(body, line);
    }

    [Fact]
    public void A_body_without_a_key_gets_a_hybrid_key_and_keeps_every_other_field()
    {
        var body = Encoding.UTF8.GetBytes("{\"source\":\"app\",\"request\":{\"path\":\"/login\",\"idempotency_key\":\"nested\"}}");

        using var line = JsonDocument.Parse(EventLine.Of(body)!);

        var root = line.RootElement;
        Assert.StartsWith("hyb_", root.GetProperty("idempotency_key").GetString(), StringComparison.Ordinal);
        Assert.Equal("app", root.GetProperty("source").GetString());
        Assert.Equal("/login", root.GetProperty("request").GetProperty("path").GetString());
    }

    [Fact]
    public void An_empty_object_gets_a_key_without_a_dangling_comma()
    {
        using var line = JsonDocument.Parse(EventLine.Of("{ }"u8.ToArray())!);

        Assert.Single(line.RootElement.EnumerateObject());
    }

    [Fact]
    public void A_pretty_printed_body_becomes_one_line()
    {
        var body = Encoding.UTF8.GetBytes("{\r\n  \"idempotency_key\": \"k\",\n  \"source\": \"a b\"\n}\n");

        var line = EventLine.Of(body)!;

        Assert.DoesNotContain((byte)'\n', line);
        Assert.DoesNotContain((byte)'\r', line);
        Assert.Equal("a b", JsonDocument.Parse(line).RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public void A_null_key_is_replaced_by_a_hybrid_key()
    {
        using var line = JsonDocument.Parse(EventLine.Of("{\"idempotency_key\":null,\"source\":\"x\"}"u8.ToArray())!);

        Assert.StartsWith("hyb_", line.RootElement.GetProperty("idempotency_key").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{\"unterminated\":")]
    [InlineData("not json")]
    public void A_body_that_is_not_a_json_object_has_no_line(string body)
    {
        Assert.Null(EventLine.Of(Encoding.UTF8.GetBytes(body)));
    }
}
