using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esper.Api.Audit;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;

namespace Esper.Api.Config;

/// <summary>
/// CRUD of one config resource kind: list, get, create (201 + ETag), replace and merge-patch (If-Match; a stale
/// ETag gets 412 and changes nothing), delete (409 while a policy or entity uses it). Every write is validated
/// (expressions with their error position, references must exist), bumps the tenant's config version and is audited.
/// A write whose resource is saved but cannot work as configured on this runtime (a challenge mitigation without
/// ESPER_PUBLIC_URL) answers the resource with a <c>warnings</c> array; it is not part of the resource and is never stored.
/// </summary>
internal sealed class ConfigEndpoints<T>(
    ResourceKind<T> kind,
    ConfigRepository repository,
    AuditLog audit,
    ConfigChangeSignal signal,
    EsperApiOptions options,
    Func<T, IReadOnlyList<string>>? warnings = null)
    : IApiEndpointModule
    where T : class
{
    public IEnumerable<Endpoint> Endpoints =>
    [
        new($"List{kind.RoutePluralSuffix}", Access.Admin, ListAsync),
        new($"Get{kind.RouteSuffix}", Access.Admin, GetAsync),
        new($"Create{kind.RouteSuffix}", Access.Admin, CreateAsync),
        new($"Replace{kind.RouteSuffix}", Access.Admin, ReplaceAsync),
        new($"Patch{kind.RouteSuffix}", Access.Admin, PatchAsync),
        new($"Delete{kind.RouteSuffix}", Access.Admin, DeleteAsync),
    ];

    private async ValueTask<ApiResponse> ListAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var documents = await repository.ListAsync(call.Key.TenantId, kind.Singular, cancellationToken).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var document in documents)
            {
                writer.WriteRawValue(document.Json, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return JsonResponses.Raw(200, buffer.WrittenMemory);
    }

    private async ValueTask<ApiResponse> GetAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var document = await repository.GetAsync(call.Key.TenantId, kind.Singular, call.Route("id"), cancellationToken).ConfigureAwait(false);
        return document is null ? NotFound(call) : Ok(200, document.Json, document.Version, null);
    }

    private async ValueTask<ApiResponse> CreateAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParse(call.Request, options.Limits, strict: true, out var body, out var problem))
        {
            return problem!;
        }

        using (body)
        {
            if (!TryRead(body!.RootElement, out var resource, out problem))
            {
                return problem!;
            }

            var id = kind.GetId(resource!);
            if (string.IsNullOrEmpty(id))
            {
                id = $"{kind.Singular[..3]}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
                kind.SetId(resource!, id);
            }

            if (await ValidateAsync(call, resource!, cancellationToken).ConfigureAwait(false) is { } invalid)
            {
                return invalid;
            }

            var json = JsonSerializer.Serialize(resource!, kind.TypeInfo);
            var result = await repository.PutAsync(call.Key.TenantId, kind.Singular, id, json, WriteCondition.IfAbsent, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return Problems.Conflict($"{Title} '{id}' already exists.");
            }

            await ChangedAsync(call, id, "created", cancellationToken).ConfigureAwait(false);
            return Ok(201, WithWarnings(json, resource!), result.Version!, $"/api/v1/{kind.Plural}/{id}");
        }
    }

    private async ValueTask<ApiResponse> ReplaceAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParse(call.Request, options.Limits, strict: true, out var body, out var problem))
        {
            return problem!;
        }

        using (body)
        {
            var current = await repository.GetAsync(call.Key.TenantId, kind.Singular, call.Route("id"), cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return NotFound(call);
            }

            if (Stale(call, current) is { } stale)
            {
                return stale;
            }

            return TryRead(body!.RootElement, out var resource, out problem)
                ? await UpdateAsync(call, current, resource!, "replaced", cancellationToken).ConfigureAwait(false)
                : problem!;
        }
    }

    private async ValueTask<ApiResponse> PatchAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParse(call.Request, options.Limits, strict: true, out var body, out var problem))
        {
            return problem!;
        }

        using (body)
        {
            if (body!.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.Validation("$", "a merge patch must be a JSON object");
            }

            var current = await repository.GetAsync(call.Key.TenantId, kind.Singular, call.Route("id"), cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return NotFound(call);
            }

            if (Stale(call, current) is { } stale)
            {
                return stale;
            }

            var merged = MergePatch.Apply(JsonNode.Parse(current.Json), JsonNode.Parse(body.RootElement.GetRawText()));
            using var mergedDocument = JsonDocument.Parse(merged!.ToJsonString());
            return TryRead(mergedDocument.RootElement, out var resource, out problem)
                ? await UpdateAsync(call, current, resource!, "patched", cancellationToken).ConfigureAwait(false)
                : problem!;
        }
    }

    private async ValueTask<ApiResponse> DeleteAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var tenantId = call.Key.TenantId;
        var id = call.Route("id");
        var current = await repository.GetAsync(tenantId, kind.Singular, id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return NotFound(call);
        }

        if (Stale(call, current) is { } stale)
        {
            return stale;
        }

        var config = await ConfigSnapshot.LoadAsync(repository, tenantId, cancellationToken).ConfigureAwait(false);
        if (ConfigUsage.FindUser(config, kind.Singular, id) is { } user)
        {
            return Problems.Conflict($"{Title} '{id}' is used by {user}; change that first.");
        }

        var result = await repository.DeleteAsync(tenantId, kind.Singular, id, current.Version, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result.Status == WriteStatus.NotFound ? NotFound(call) : Problems.PreconditionFailed($"{Title} '{id}' changed while it was being deleted.");
        }

        await ChangedAsync(call, id, "deleted", cancellationToken).ConfigureAwait(false);
        return JsonResponses.NoContent();
    }

    private async ValueTask<ApiResponse> UpdateAsync(ApiCall call, ConfigDocument current, T resource, string change, CancellationToken cancellationToken)
    {
        var id = current.Id;
        var bodyId = kind.GetId(resource);
        if (!string.IsNullOrEmpty(bodyId) && bodyId != id)
        {
            return Problems.Validation("id", $"must be '{id}' (the id in the path) or absent; ids cannot change");
        }

        kind.SetId(resource, id);
        if (await ValidateAsync(call, resource, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var json = JsonSerializer.Serialize(resource, kind.TypeInfo);
        var result = await repository.PutAsync(call.Key.TenantId, kind.Singular, id, json, WriteCondition.IfVersion(current.Version), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result.Status == WriteStatus.NotFound ? NotFound(call) : Problems.PreconditionFailed($"{Title} '{id}' changed since it was read; read it again and retry.");
        }

        await ChangedAsync(call, id, change, cancellationToken).ConfigureAwait(false);
        return Ok(200, WithWarnings(json, resource), result.Version!, null);
    }

    private async ValueTask<ApiResponse?> ValidateAsync(ApiCall call, T resource, CancellationToken cancellationToken)
    {
        if (ConfigUsage.IsReservedId(kind.Singular, kind.GetId(resource)))
        {
            return Problems.Validation("id", $"'{kind.GetId(resource)}' is reserved for a built-in {kind.Singular}");
        }

        var config = await ConfigSnapshot.LoadAsync(repository, call.Key.TenantId, cancellationToken).ConfigureAwait(false);
        var errors = kind.Validate(resource, config.Lookup);
        return errors.Count == 0 ? null : Problems.Validation([.. errors.Select(e => new FieldError(e.Path, e.Message, e.Position))]);
    }

    private bool TryRead(JsonElement element, out T? resource, out ApiResponse? problem)
    {
        resource = null;
        problem = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = Problems.Validation("$", $"a {kind.Singular} must be a JSON object");
            return false;
        }

        if (BodyContract.Check(element, kind.TypeInfo, $"a {kind.Singular}") is { } unknown)
        {
            problem = Problems.Validation([unknown]);
            return false;
        }

        try
        {
            resource = element.Deserialize(kind.TypeInfo);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 1 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : ex.Path ?? "$";
            problem = Problems.Validation(field, "has the wrong type");
            return false;
        }

        if (resource is null)
        {
            problem = Problems.Validation("$", $"a {kind.Singular} must be a JSON object");
            return false;
        }

        return true;
    }

    private static ApiResponse? Stale(ApiCall call, ConfigDocument current)
    {
        call.Request.Headers.TryGetValue("If-Match", out var header);
        var expected = ETags.Parse(header);
        return expected is null || expected == "*" || expected == current.Version
            ? null
            : Problems.PreconditionFailed($"If-Match {header} does not match the current ETag {ETags.Format(current.Version)}.");
    }

    private async ValueTask ChangedAsync(ApiCall call, string id, string change, CancellationToken cancellationToken)
    {
        await repository.BumpVersionAsync(call.Key.TenantId, cancellationToken).ConfigureAwait(false);
        signal.Raise(call.Key.TenantId);
        await audit.RecordAsync(call.Key, kind.Singular, id, change, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored resource's JSON, with the write's <c>warnings</c> after its fields when there are any.</summary>
    private string WithWarnings(string json, T resource)
    {
        if (warnings?.Invoke(resource) is not { Count: > 0 } list)
        {
            return json;
        }

        var node = JsonNode.Parse(json)!.AsObject();
        node["warnings"] = new JsonArray([.. list.Select(static w => (JsonNode?)JsonValue.Create(w))]);
        return node.ToJsonString(ReadableJson.Options);
    }

    private ApiResponse NotFound(ApiCall call) => Problems.NotFound($"No {kind.Singular} '{call.Route("id")}'.");

    private string Title => char.ToUpperInvariant(kind.Singular[0]) + kind.Singular[1..];

    private ApiResponse Ok(int status, string json, string version, string? location)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ETag"] = ETags.Format(version) };
        if (location is not null)
        {
            headers["Location"] = location;
        }

        return JsonResponses.Raw(status, System.Text.Encoding.UTF8.GetBytes(json), headers);
    }
}
