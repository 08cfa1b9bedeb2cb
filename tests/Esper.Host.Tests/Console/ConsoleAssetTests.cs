using System.Net;
using System.Net.Http.Headers;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Console;

public sealed class ConsoleAssetTests
{
    [Theory]
    [InlineData("/console")]
    [InlineData("/console/")]
    public async Task Console_page_answers_at_both_paths_with_a_strict_content_security_policy(string path)
    {
        using var host = EsperHost.Start();
        using var client = host.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"/console/app.js\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Console_asset_answers_304_to_its_etag_and_unknown_assets_answer_404()
    {
        using var host = EsperHost.Start();
        using var client = host.CreateClient();
        using var first = await client.GetAsync("/console/app.js");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/console/app.js");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var cached = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);

        using var missing = await client.GetAsync("/console/nothing-here.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
