using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Esper.Host.Tests.Challenge;

/// <summary>The challenge flow over HTTP as a scripted client would run it (no browser): page, solve, verify, pass.</summary>
public sealed partial class ChallengeFlowTests
{
    private const string Site = "https://shop.example";

    [Fact]
    public async Task A_pass_turns_challenge_into_allow_but_block_still_blocks()
    {
        using var host = await ChallengeHost.StartAsync();
        using var api = new ChallengeApi(host.CreateClient());
        await api.PostAsync("/api/v1/mitigations", $$$"""{"id":"verify","name":"Verify","mode":"challenge","challenge":{"allowed_origins":["{{{Site}}}"]}}""");
        await api.PostAsync("/api/v1/mitigations", """{"id":"deny","name":"Deny","mode":"block"}""");
        await api.PostAsync("/api/v1/policies", """{"id":"gate","name":"Gate","clauses":[{"entity_id":"ip-user-agent","mitigation_id":"verify"}]}""");
        await api.PostAsync("/api/v1/policies", """{"id":"admin","name":"Admin","clauses":[{"match":"request.path.startsWith(\"/admin\")","mitigation_id":"deny"}]}""");

        var pass = await EarnPassAsync(host, api, Site + "/landing?item=42");

        Assert.Equal("allow", (await api.DecideAsync(Site + "/landing?item=42", pass: pass))["action"]!.ToString());
        var (_, blocked) = await api.PostAsync("/api/v1/runtime/mitigation",
            $$$$"""{"request":{"method":"GET","path":"/admin","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0 (Linux; Android 14)","cookies":{"esper_challenge":"{{{{pass}}}}"}}}""");
        Assert.Equal("block", blocked!["action"]!.ToString());
    }

    [Fact]
    public async Task A_return_url_outside_the_allowed_origins_gets_no_redirect_url()
    {
        using var host = await ChallengeHost.StartAsync();
        using var api = new ChallengeApi(host.CreateClient());
        await api.PostAsync("/api/v1/mitigations", $$$"""{"id":"verify","name":"Verify","mode":"challenge","challenge":{"allowed_origins":["{{{Site}}}"]}}""");
        await api.PostAsync("/api/v1/policies", """{"id":"gate","name":"Gate","clauses":[{"mitigation_id":"verify"}]}""");

        var decision = await api.DecideAsync("https://evil.example/phish");

        Assert.Equal("challenge", decision["action"]!.ToString());
        Assert.Null(decision["redirect_url"]);
    }

    /// <summary>Runs the challenge as a client: reads the page's puzzle, solves it, follows nothing, verifies the proof.</summary>
    private static async Task<string> EarnPassAsync(ChallengeHost host, ChallengeApi api, string returnUrl)
    {
        var redirect = (await api.DecideAsync(returnUrl))["redirect_url"]!.ToString();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var html = await browser.GetStringAsync(new Uri(redirect));
        var puzzle = Puzzle().Match(html);
        Assert.True(puzzle.Success, html);
        var nonce = Solve(puzzle.Groups["challenge"].Value, int.Parse(puzzle.Groups["difficulty"].Value, CultureInfo.InvariantCulture));

        using var solved = await browser.PostAsync(new Uri(redirect + "/solve"), new FormUrlEncodedContent([new("nonce", nonce)]));
        Assert.Equal(HttpStatusCode.SeeOther, solved.StatusCode);
        var landed = solved.Headers.Location!.AbsoluteUri;
        Assert.StartsWith(returnUrl + "&esper_challenge_proof=", landed, StringComparison.Ordinal);

        var proof = Uri.UnescapeDataString(landed[(landed.IndexOf("esper_challenge_proof=", StringComparison.Ordinal) + "esper_challenge_proof=".Length)..]);
        var (status, verified) = await api.PostAsync("/api/v1/challenge/proof/verify", new JsonObject { ["proof"] = proof }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith(host.PublicUrl, redirect, StringComparison.Ordinal);
        return verified!["pass"]!.ToString();
    }

    private static string Solve(string challenge, int difficulty)
    {
        for (var n = 0L; ; n++)
        {
            var nonce = n.ToString(CultureInfo.InvariantCulture);
            var hash = SHA256.HashData(Encoding.ASCII.GetBytes(challenge + nonce));
            var bits = 0;
            foreach (var b in hash)
            {
                if (b != 0)
                {
                    bits += System.Numerics.BitOperations.LeadingZeroCount((uint)b) - 24;
                    break;
                }

                bits += 8;
            }

            if (bits >= difficulty)
            {
                return nonce;
            }
        }
    }

    [GeneratedRegex("data-challenge=\"(?<challenge>[0-9a-f]{64})\" data-difficulty=\"(?<difficulty>[0-9]+)\"")]
    private static partial Regex Puzzle();
}
