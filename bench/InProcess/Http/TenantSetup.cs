using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Esper.Bench.InProcess.Tenant;
using Esper.Core.Resources;

namespace Esper.Bench.InProcess.Http;

/// <summary>
/// Creates a tenant's configuration through the public config API of a running host (as an operator would) and
/// issues a runtime-scope key for the load generator. Returns the runtime key's secret.
/// </summary>
internal sealed class TenantSetup(HttpClient client, string adminKey)
{
    public async Task<string> ApplyAsync(TenantDocuments tenant)
    {
        foreach (var a in tenant.Actions)
        {
            await PostAsync("/api/v1/actions", JsonSerializer.Serialize(a, CoreJsonContext.Default.ActionDefinition));
        }

        foreach (var e in tenant.Entities)
        {
            await PostAsync("/api/v1/entities", JsonSerializer.Serialize(e, CoreJsonContext.Default.EntityDefinition));
        }

        foreach (var m in tenant.Mitigations)
        {
            await PostAsync("/api/v1/mitigations", JsonSerializer.Serialize(m, CoreJsonContext.Default.MitigationDefinition));
        }

        foreach (var p in tenant.Policies)
        {
            await PostAsync("/api/v1/policies", JsonSerializer.Serialize(p, CoreJsonContext.Default.PolicyDefinition));
        }

        using var key = await PostAsync("/api/v1/api-keys", """{"name":"bench runtime","scope":"runtime"}""");
        return key.RootElement.GetProperty("secret").GetString() ?? throw new InvalidOperationException("the key response has no secret");
    }

    private async Task<JsonDocument> PostAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("x-esper-api-key", adminKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}\nbody: {json}");
        }

        return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
    }
}
