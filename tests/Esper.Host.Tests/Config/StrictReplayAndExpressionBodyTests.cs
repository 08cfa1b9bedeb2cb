using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Config;

/// <summary>
/// A replay job's body and an expression check are as strict as config bodies: a misspelt field would otherwise
/// replay the live config and report no change, or check something else than the operator typed.
/// </summary>
public sealed class StrictReplayAndExpressionBodyTests
{
    private const string Range = "\"job_type\":\"DryRun\",\"time_range_start\":\"2026-03-26T00:00:00Z\",\"time_range_end\":\"2026-03-27T00:00:00Z\"";

    [Theory]
    [InlineData("{" + Range + ""","candiate":{"changes":{}}}""", "candiate")]
    [InlineData("{" + Range + ""","candidate":{"chanegs":{}}}""", "candidate.chanegs")]
    [InlineData("{" + Range + ""","candidate":{"changes":{"mitigations":[{"id":"m","name":"M","mdoe":"block"}]}}}""", "candidate.changes.mitigations[0].mdoe")]
    [InlineData("{" + Range + ""","candidate":{"changes":{"delete":{"polices":["p"]}}}}""", "candidate.changes.delete.polices")]
    public async Task Unknown_field_of_a_replay_job_is_a_400_naming_it(string body, string field)
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/replay-jobs", body);
        var jobs = await client.GetAsync("/api/v1/replay-jobs");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(field, result.Str("field"));
        Assert.Empty(jobs.Body.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_replay_job_field_given_twice_is_a_400()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/replay-jobs", "{" + Range + ""","job_type":"StateRebuild"}""");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("job_type", result.Str("field"));
        Assert.Contains("given twice", result.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_replay_job_is_still_created()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/replay-jobs", "{" + Range + ""","candidate":{"changes":{"mitigations":[{"id":"m","name":"M","mode":"block"}]}}}""");

        Assert.Equal(HttpStatusCode.Created, result.Status);
    }

    [Theory]
    [InlineData("""{"expression":"request.path == \"/\"","mode":"text"}""", "mode")]
    [InlineData("""{"expression":"true","expression":"false"}""", "expression")]
    public async Task An_expression_check_refuses_unknown_and_repeated_fields(string body, string field)
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/expressions/validate", body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(field, result.Str("field"));
    }
}
