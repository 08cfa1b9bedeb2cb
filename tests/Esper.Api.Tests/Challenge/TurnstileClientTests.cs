using Esper.Api.Challenge;

namespace Esper.Api.Tests.Challenge;

public sealed class TurnstileClientTests : IDisposable
{
    private readonly TurnstileStandIn _cloudflare = new();
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Sends_secret_token_and_remote_ip_and_accepts_a_success()
    {
        var result = await Client().VerifyAsync("tok-1", "203.0.113.9", default);

        Assert.True(result.Success);
        var form = Assert.Single(_cloudflare.Requests);
        Assert.Contains("secret=sekret", form, StringComparison.Ordinal);
        Assert.Contains("response=tok-1", form, StringComparison.Ordinal);
        Assert.Contains("remoteip=203.0.113.9", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_cloudflare_error_codes()
    {
        _cloudflare.Answer = """{"success":false,"error-codes":["timeout-or-duplicate"]}""";

        var result = await Client().VerifyAsync("tok-1", null, default);

        Assert.False(result.Success);
        Assert.True(result.Reachable);
        Assert.Equal(["timeout-or-duplicate"], result.ErrorCodes);
    }

    [Fact]
    public async Task Refuses_a_solve_from_an_unexpected_hostname()
    {
        _cloudflare.Answer = """{"success":true,"error-codes":[],"hostname":"evil.example"}""";

        var result = await Client("shop.example").VerifyAsync("tok-1", null, default);

        Assert.False(result.Success);
        Assert.Equal([TurnstileClient.HostnameMismatch], result.ErrorCodes);
    }

    [Fact]
    public async Task Reports_an_unreachable_siteverify_without_throwing()
    {
        var settings = new ChallengeSettings { TurnstileSecretKey = "sekret", TurnstileVerifyUrl = new Uri("http://127.0.0.1:1/siteverify") };

        var result = await new TurnstileClient(_http, settings).VerifyAsync("tok-1", null, default);

        Assert.False(result.Success);
        Assert.False(result.Reachable);
    }

    [Fact]
    public async Task Reports_a_non_json_answer_as_unreachable()
    {
        _cloudflare.Answer = "<html>oops</html>";

        Assert.False((await Client().VerifyAsync("tok-1", null, default)).Reachable);
    }

    public void Dispose()
    {
        _http.Dispose();
        _cloudflare.Dispose();
    }

    private TurnstileClient Client(string? expectedHostname = null) => new(_http, new ChallengeSettings
    {
        TurnstileSiteKey = "site",
        TurnstileSecretKey = "sekret",
        TurnstileExpectedHostname = expectedHostname,
        TurnstileVerifyUrl = _cloudflare.Url,
    });
}
