using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Esper.Bench.InProcess.Tenant;
using Esper.Core.Resources;

namespace Esper.Bench.InProcess.Http;

/// <summary>
/// Creates a tenant's configuration through the public config API (over HTTP against a running host, or in-process
/// through the handler) as an operator would, and issues a runtime-scope key. Returns the runtime key's secret.
/// </summary>
/// <param name="post">Sends one POST with the admin key; returns the status code and the response body.</param>
internal sealed class TenantSetup(Func<string, string, Task<(int Status, string Body)>> post)
{
    public static TenantSetup OverHttp(HttpClient client, string adminKey) => new(async (path, json) =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("x-esper-api-key", adminKey);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    });

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
        var (status, text) = await post(path, json);
        if (status is < 200 or > 299)
        {
            throw new InvalidOperationException($"POST {path} answered {status}: {text}\nbody: {json}");
        }

        return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
    }
}
