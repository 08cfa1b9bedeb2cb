using System.Text;
using Esper.Storage.KeyValue;

namespace Esper.Storage.ContractTests;

public abstract partial class KeyValueStoreContract
{
    [Fact]
    public async Task Put_then_get_returns_the_document_its_version_and_expiry()
    {
        var key = Key("t1#config", "action#a1");
        var expiresAt = StartTime.AddHours(1);

        var written = await Store.PutAsync(key, """{"name":"a1"}""", WriteCondition.None, expiresAt);
        var item = await Store.GetAsync(key);

        Assert.Equal(WriteStatus.Written, written.Status);
        Assert.False(string.IsNullOrEmpty(written.Version));
        Assert.NotNull(item);
        Assert.Equal(key, item.Key);
        Assert.Equal("""{"name":"a1"}""", item.Document);
        Assert.Equal(written.Version, item.Version);
        Assert.Equal(expiresAt, item.ExpiresAt);
    }

    [Fact]
    public async Task Item_written_without_expiry_reads_back_without_expiry()
    {
        var key = Key("t1#config", "action#a1");
        await Store.PutAsync(key, "{}", WriteCondition.None);

        var item = await Store.GetAsync(key);

        Assert.NotNull(item);
        Assert.Null(item.ExpiresAt);
    }

    [Fact]
    public async Task Get_of_a_missing_item_returns_null()
    {
        await Store.PutAsync(Key("t1#config", "action#a1"), "{}", WriteCondition.None);

        Assert.Null(await Store.GetAsync(Key("t1#config", "action#a2")));
        Assert.Null(await Store.GetAsync(Key("t1#other", "action#a1")));
    }

    [Fact]
    public async Task Every_write_returns_a_new_version_even_for_the_same_document()
    {
        var key = Key("t1#config", "action#a1");

        var first = await Store.PutAsync(key, "{}", WriteCondition.None);
        var second = await Store.PutAsync(key, "{}", WriteCondition.None);
        var third = await Store.PutAsync(key, "{}", WriteCondition.IfVersion(second.Version!));

        Assert.Equal(3, new[] { first.Version, second.Version, third.Version }.Distinct().Count());
        Assert.Equal(third.Version, (await Store.GetAsync(key))!.Version);
    }

    [Fact]
    public async Task Unconditional_put_replaces_document_and_expiry_of_an_existing_item()
    {
        var key = Key("t1#config", "action#a1");
        await Store.PutAsync(key, """{"v":1}""", WriteCondition.None, StartTime.AddMinutes(5));

        await Store.PutAsync(key, """{"v":2}""", WriteCondition.None);
        Clock.Advance(TimeSpan.FromMinutes(10));
        var item = await Store.GetAsync(key);

        Assert.NotNull(item);
        Assert.Equal("""{"v":2}""", item.Document);
        Assert.Null(item.ExpiresAt);
    }

    [Fact]
    public async Task Unicode_document_of_64_KiB_round_trips_unchanged()
    {
        var key = Key("t1#records", "decision#0001");
        var document = LargeUnicodeDocument(64 * 1024);

        var written = await Store.PutAsync(key, document, WriteCondition.IfAbsent);
        var read = await Store.GetAsync(key);
        var queried = await Store.QueryAsync(key.PartitionKey, "decision#");

        Assert.True(written.Succeeded);
        Assert.Equal(document, read!.Document);
        Assert.Equal(document, Assert.Single(queried).Document);
    }

    [Fact]
    public async Task Ping_answers_true_when_the_backend_is_reachable()
    {
        Assert.True(await Store.PingAsync());
    }

    /// <summary>A JSON document of about <paramref name="utf8Bytes"/> UTF-8 bytes mixing ASCII, accents, CJK, emoji and escapes.</summary>
    private static string LargeUnicodeDocument(int utf8Bytes)
    {
        const string Piece = "Grüße, ça va? 日本語のテキスト 🚀🛡️ \\\"quoted\\\" tab\\t Ω≈ç√ ";
        var pieceBytes = Encoding.UTF8.GetByteCount(Piece);
        var builder = new StringBuilder("{\"text\":\"");
        for (var size = builder.Length + 2; size + pieceBytes <= utf8Bytes; size += pieceBytes)
        {
            builder.Append(Piece);
        }

        return builder.Append("\"}").ToString();
    }
}
