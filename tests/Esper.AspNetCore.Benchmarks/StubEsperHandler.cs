using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Esper.AspNetCore.Benchmarks;

/// <summary>
/// STAND-IN for Esper: answers every decision at once with the same allow decision, so the benchmark measures the
/// connector (event building, JSON, the HTTP client and resilience pipeline, applying the answer) and not Esper.
/// </summary>
internal sealed class StubEsperHandler : HttpMessageHandler
{
    private static readonly byte[] Allow = Encoding.UTF8.GetBytes("""
        {"decision_id":"dec_0123456789abcdef","action":"allow","redirect_url":null,"mitigation":null,"policy_id":null,
         "outcome":"allow","matches":[],"actions":[{"id":"home","name":"Home"}],"entities":{"ip":"b1946ac92492d2347c6235b4d2611184"},
         "reason":"no policy matched","encoding_version":"1","config_version":"4","decided_at":"2026-12-07T12:00:00Z","block":null}
        """);

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Read the body as Esper would, so its serialisation is not skipped.
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(Allow);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
