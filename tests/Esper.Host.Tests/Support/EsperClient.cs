using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Esper.Host.Tests.Support;

/// <summary>An HttpClient over the real socket that sends the given API key and reads JSON answers.</summary>
internal sealed class EsperClient(HttpClient http, string? key) : IDisposable
{
    public HttpClient Http => http;

    public Task<ApiResult> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResult> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<ApiResult> PutAsync(string path, string json, string? ifMatch = null) => SendAsync(HttpMethod.Put, path, json, ifMatch);

    public Task<ApiResult> PatchAsync(string path, string json, string? ifMatch = null) => SendAsync(HttpMethod.Patch, path, json, ifMatch, "application/merge-patch+json");

    public Task<ApiResult> DeleteAsync(string path, string? ifMatch = null) => SendAsync(HttpMethod.Delete, path, null, ifMatch);

    public async Task<ApiResult> SendAsync(HttpMethod method, string path, string? json, string? ifMatch = null, string contentType = "application/json", Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("x-esper-api-key", key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var isJson = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        var body = text.Length == 0 || !isJson ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiResult(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, body, text);
    }

    /// <summary>Sends <paramref name="body"/> byte for byte (invalid UTF-8 included), as a hostile client would.</summary>
    public Task<ApiResult> SendBytesAsync(HttpMethod method, string path, byte[] body, string contentType = "application/json") =>
        SendAsync(method, path, null, configure: request =>
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        });

    public void Dispose() => http.Dispose();
}
