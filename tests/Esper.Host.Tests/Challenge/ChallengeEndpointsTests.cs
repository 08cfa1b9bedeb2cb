using System.Net;

namespace Esper.Host.Tests.Challenge;

/// <summary>The challenge routes over the real socket, without a browser.</summary>
public sealed class ChallengeEndpointsTests
{
    [Fact]
    public async Task Status_check_is_green_for_a_configured_proof_of_work_mitigation_and_red_without_one()
    {
        using var host = await ChallengeHost.StartAsync();
        using var api = new ChallengeApi(host.CreateClient());

        var (emptyStatus, empty) = await api.GetAsync("/api/v1/challenge/status");
        await api.PostAsync("/api/v1/mitigations", """{"id":"verify","name":"Verify","mode":"challenge","challenge":{"provider":"proof_of_work","allowed_origins":["https://shop.example"]}}""");
        var (_, green) = await api.GetAsync("/api/v1/challenge/status");

        Assert.Equal(HttpStatusCode.OK, emptyStatus);
        Assert.False(empty!["ok"]!.GetValue<bool>());
        Assert.True(green!["ok"]!.GetValue<bool>(), green.ToJsonString());
        Assert.Equal("proof_of_work", green["mitigations"]![0]!["provider"]!.ToString());
        Assert.False(green["runtime"]!["turnstile"]!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Verify_refuses_a_missing_or_forged_proof_with_a_problem_naming_the_field()
    {
        using var host = await ChallengeHost.StartAsync();
        using var api = new ChallengeApi(host.CreateClient());

        var (missingStatus, missing) = await api.PostAsync("/api/v1/challenge/proof/verify", "{}");
        var (forgedStatus, forged) = await api.PostAsync("/api/v1/challenge/proof/verify", """{"proof":"v1.k1.eyJ0eXAiOiJwcm9vZiJ9.AAAA"}""");

        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.Equal("proof", missing!["field"]!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, forgedStatus);
        Assert.Equal("urn:esper:problem:proof-tampered", forged!["type"]!.ToString());
        Assert.Equal("proof", forged["field"]!.ToString());
    }

    [Fact]
    public async Task Verify_needs_an_api_key()
    {
        using var host = await ChallengeHost.StartAsync();
        using var http = host.CreateClient();

        using var response = await http.PostAsync(new Uri("/api/v1/challenge/proof/verify", UriKind.Relative), new StringContent("""{"proof":"x"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_challenge_pages_and_solves_answer_browsers_with_html_explaining_the_check_ended()
    {
        using var host = await ChallengeHost.StartAsync();
        using var http = host.CreateClient();
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var page = await http.GetAsync(new Uri("/challenge/dDE.unknown", UriKind.Relative));
        using var solve = await http.PostAsync(new Uri("/challenge/dDE.unknown/solve", UriKind.Relative), new FormUrlEncodedContent([new("nonce", "1")]));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("expired or was already completed", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, solve.StatusCode);
        Assert.Equal("text/html", solve.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_challenge_pages_answer_clients_asking_only_for_json_with_problem_json()
    {
        using var host = await ChallengeHost.StartAsync();
        using var http = host.CreateClient();
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        using var page = await http.GetAsync(new Uri("/challenge/dDE.unknown", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("application/problem+json", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("urn:esper:problem:challenge-not-found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData(null)]
    public async Task Unknown_challenge_pages_answer_html_to_any_other_accept(string? accept)
    {
        using var host = await ChallengeHost.StartAsync();
        using var http = host.CreateClient();
        if (accept is not null)
        {
            http.DefaultRequestHeaders.Accept.ParseAdd(accept);
        }

        using var page = await http.GetAsync(new Uri("/challenge/dDE.unknown", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
