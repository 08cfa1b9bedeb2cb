using System.Text;
using System.Text.Json;
using Esper.Client.Http;

namespace Esper.Client.Tests.Http;

public sealed class DecisionReaderTests
{
    private const string Blocked = """
        {"decision_id":"dec_0123456789abcdef","action":"block","redirect_url":null,
         "mitigation":{"id":"login-block","name":"Block","mode":"block"},"policy_id":"login","outcome":"block",
         "matches":[{"policy_id":"login","clause":0,"clause_name":"burst","mitigation_id":"login-block","mode":"block",
                     "dry_run":false,"window_count":6,"penalty_active":true,"penalty_expires_at":1796650000,"waived":false}],
         "actions":[{"id":"login","name":"Login","extra":1},{"id":"any","name":"Any"}],
         "entities":{"ip-user-agent":"b1946ac92492d2347c6235b4d2611184","ip":"c3"},
         "reason":"window exceeded","encoding_version":"1","config_version":"7","decided_at":"2026-12-07T12:00:00.123+00:00",
         "block":{"status_code":429,"message":"slow down"},"unknown_field":{"nested":[1,2,3]}}
        """;

    private const string Allowed = """
        {"decision_id":"dec_1","action":"allow","redirect_url":null,"mitigation":null,"policy_id":null,"outcome":"allow",
         "matches":[],"actions":[],"entities":{},"reason":"no policy matched","encoding_version":null,"config_version":"1",
         "decided_at":"2026-12-07T12:00:00Z","block":null}
        """;

    [Theory]
    [InlineData(Blocked)]
    [InlineData(Allowed)]
    public void Reads_the_same_decision_as_the_generated_serializer(string json)
    {
        var expected = JsonSerializer.Deserialize(json, EsperJsonContext.Default.EsperDecision)!;

        var read = DecisionReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(
            JsonSerializer.Serialize(expected, EsperJsonContext.Default.EsperDecision),
            JsonSerializer.Serialize(read, EsperJsonContext.Default.EsperDecision));
    }

    [Fact]
    public void Escaped_action_words_are_read_as_their_text()
    {
        var read = DecisionReader.Read("""{"decision_id":"d","action":"bl\u006fck","outcome":"\u0061llow"}"""u8);

        Assert.Equal(EsperActions.Block, read.Action);
        Assert.Equal("allow", read.Outcome);
    }

    [Fact]
    public void An_answer_that_is_not_an_object_is_refused()
    {
        Assert.Throws<JsonException>(() => DecisionReader.Read("[1]"u8));
    }
}
