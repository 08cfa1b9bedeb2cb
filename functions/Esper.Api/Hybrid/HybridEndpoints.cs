using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Esper.Api.Config;
using Esper.Api.Http;
using Esper.Storage.Repositories;

namespace Esper.Api.Hybrid;

/// <summary>
/// What a hybrid daemon pulls from origin with a runtime-scope key: <c>GET /api/v1/hybrid/config</c>, the tenant's
/// whole config in one document with its version as ETag (If-None-Match answers 304), and
/// <c>GET /api/v1/hybrid/mitigations?since=&amp;limit=</c>, the active-mitigations feed.
/// </summary>
internal sealed class HybridEndpoints(ConfigRepository repository, ActiveMitigationFeed feed) : IApiEndpointModule
{
    private const int DefaultPage = 100;

    public IEnumerable<Endpoint> Endpoints =>
    [
        new("GetHybridConfig", Access.Runtime, GetConfigAsync),
        new("ListActiveMitigations", Access.Runtime, ListMitigationsAsync),
    ];

    /// <summary>The ETag of a config version.</summary>
    public static string ConfigETag(long version) => $"\"cfg-{version.ToString(CultureInfo.InvariantCulture)}\"";

    private async ValueTask<ApiResponse> GetConfigAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var tenantId = call.Key.TenantId;

        // Version first: a write landing during the reads makes the next poll see a newer version and fetch again.
        var version = await repository.GetVersionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var etag = ConfigETag(version);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ETag"] = etag, ["Cache-Control"] = "no-cache" };
        if (call.Request.Headers.TryGetValue("If-None-Match", out var inm) && Matches(inm, etag))
        {
            return new ApiResponse { StatusCode = 304, Headers = headers };
        }

        var kinds = new[] { ResourceKinds.Actions.Singular, ResourceKinds.Entities.Singular, ResourceKinds.Mitigations.Singular, ResourceKinds.Policies.Singular };
        var lists = kinds.Select(k => repository.ListAsync(tenantId, k, cancellationToken).AsTask()).ToArray();
        await Task.WhenAll(lists).ConfigureAwait(false);

        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("tenant_id", tenantId);
            writer.WriteString("version", version.ToString(CultureInfo.InvariantCulture));
            string[] names = ["actions", "entities", "mitigations", "policies"];
            for (var i = 0; i < names.Length; i++)
            {
                writer.WriteStartArray(names[i]);
                foreach (var document in lists[i].Result)
                {
                    writer.WriteRawValue(document.Json, skipInputValidation: true);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return JsonResponses.Raw(200, buffer.WrittenMemory, headers);
    }

    private async ValueTask<ApiResponse> ListMitigationsAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var limit = DefaultPage;
        if (call.Request.Query.TryGetValue("limit", out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > ActiveMitigationFeed.MaxPage))
        {
            return Problems.Validation("limit", $"must be a whole number from 1 to {ActiveMitigationFeed.MaxPage}");
        }

        call.Request.Query.TryGetValue("since", out var since);
        var page = await feed.ReadAsync(call.Key.TenantId, string.IsNullOrEmpty(since) ? null : since, limit, cancellationToken).ConfigureAwait(false);
        return JsonResponses.Create(200, page, HybridJsonContext.Default.ActiveMitigationPage);
    }

    private static bool Matches(string header, string etag) =>
        header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => candidate == "*" || candidate == etag || candidate == "W/" + etag);
}
