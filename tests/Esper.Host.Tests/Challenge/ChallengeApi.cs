using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Esper.Host.Tests.Challenge;

/// <summary>Calls the host the way a connector does: JSON over the real socket with the tenant's API key.</summary>
internal sealed class ChallengeApi(HttpClient http) : IDisposable
{
    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-esper-api-key", ChallengeHost.AdminKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-esper-api-key", ChallengeHost.AdminKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>A runtime decision for a visitor, optionally carrying the pass cookie.</summary>
    public async Task<JsonNode> DecideAsync(string returnUrl, string ip = "203.0.113.10", string? pass = null)
    {
        var cookies = pass is null ? "{}" : $$"""{"esper_challenge":"{{pass}}"}""";
        var (status, body) = await PostAsync("/api/v1/runtime/mitigation",
            $$$"""{"return_url":"{{{returnUrl}}}","request":{"method":"GET","path":"/landing?item=42","client_ip":"{{{ip}}}","user_agent":"Mozilla/5.0 (Linux; Android 14)","cookies":{{{cookies}}}}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }

    public void Dispose() => http.Dispose();
}
