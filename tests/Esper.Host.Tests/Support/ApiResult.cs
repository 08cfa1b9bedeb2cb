using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Esper.Host.Tests.Support;

/// <summary>One HTTP answer: status, headers, content type and the body parsed as JSON (default when empty).</summary>
internal sealed record ApiResult(HttpStatusCode Status, HttpResponseHeaders Headers, string? ContentType, JsonElement Body, string Text)
{
    public string Str(string name) => Body.GetProperty(name).GetString()!;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.First() : null;
}
