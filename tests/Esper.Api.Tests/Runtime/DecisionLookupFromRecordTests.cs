using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Runtime;

/// <summary>
/// <c>GET /api/v1/decisions/{id}</c> builds the detail from the tenant's decision record: with records written after
/// the answer (the tenant record last), and with an event too large for the record (a detail item of its own).
/// </summary>
public sealed class DecisionLookupFromRecordTests
{
    [Fact]
    public async Task A_decision_recorded_after_its_answer_is_read_by_id_with_matches_and_the_event_redacted()
    {
        using var harness = new ApiHarness(static o => o.Recording = RecordingMode.AfterAnswer);
        await SetUpAsync(harness);
        var (_, decision, _) = await harness.SendAsync("POST", "/api/v1/runtime/mitigation",
            """{"idempotency_key":"k-1","request":{"method":"POST","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0","headers":{"authorization":"Bearer secret-token","x-trace":"t1"},"body":{"password":"hunter2"}}}""");

        var (status, found, raw) = await harness.SendAsync("GET", $"/api/v1/decisions/{decision.GetProperty("decision_id").GetString()}");

        Assert.Equal(200, status);
        Assert.Equal(["w", "l"], found.GetProperty("matches").EnumerateArray().Select(static m => m.GetProperty("policy_id").GetString()).Order().Reverse());
        Assert.Equal("[redacted]", found.GetProperty("event").GetProperty("headers").GetProperty("authorization").GetString());
        Assert.Equal("t1", found.GetProperty("event").GetProperty("headers").GetProperty("x-trace").GetString());
        var text = System.Text.Encoding.UTF8.GetString(raw.Body.Span);
        Assert.DoesNotContain("secret-token", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_whose_event_is_too_large_for_its_record_is_still_read_by_id_with_its_matches()
    {
        using var harness = new ApiHarness();
        await SetUpAsync(harness);
        // Strings are limited to 8 KB each and the body to 64 KB: a large body and large fields together make the
        // event larger than a record may be.
        var large = string.Join("\",\"", Enumerable.Repeat(new string('x', 8000), 7));
        var fields = string.Join(",", Enumerable.Range(0, 7).Select(i => $"\"f{i}\":\"{new string('y', 8000)}\""));
        var (_, decision, _) = await harness.SendAsync("POST", "/api/v1/runtime/mitigation",
            """{"request":{"method":"POST","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0","headers":{"x-trace":"t1"},"body":{"blob":["LARGE"]}},"fields":{FIELDS}}""".Replace("LARGE", large, StringComparison.Ordinal).Replace("FIELDS", fields, StringComparison.Ordinal));

        var (status, found, _) = await harness.SendAsync("GET", $"/api/v1/decisions/{decision.GetProperty("decision_id").GetString()}");

        Assert.Equal(200, status);
        Assert.Equal(2, found.GetProperty("matches").GetArrayLength());
        Assert.Equal("t1", found.GetProperty("event").GetProperty("headers").GetProperty("x-trace").GetString());
        Assert.Contains(harness.Store.WrittenPartitions, static p => p.StartsWith("default#decision#", StringComparison.Ordinal));
    }

    private static async Task SetUpAsync(ApiHarness harness)
    {
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/mitigations", """{"id":"o","name":"Watch","mode":"monitor"}""")).Status);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/policies", """{"id":"w","name":"Window","clauses":[{"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":1},"mitigation_id":"o"}]}""")).Status);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/policies", """{"id":"l","name":"Logins","clauses":[{"mitigation_id":"o"}]}""")).Status);
        // The window fires from the second request of the same client.
        Assert.Equal(200, (await harness.SendAsync("POST", "/api/v1/runtime/mitigation", """{"request":{"method":"POST","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0"}}""")).Status);
    }
}
