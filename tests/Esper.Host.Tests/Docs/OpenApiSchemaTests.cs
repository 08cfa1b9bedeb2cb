using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esper.Api.Http;
using Esper.Host.Tests.Support;
using Json.Schema;

namespace Esper.Host.Tests.Docs;

/// <summary>
/// Real answers of the host, over its socket, validated against the schemas the served OpenAPI document gives for
/// their route, status and media type. Objects are closed for the check (no field outside the schema), so an
/// answer that grows an undocumented field fails as surely as one that lacks a required field.
/// </summary>
public sealed class OpenApiSchemaTests
{
    [Fact]
    public async Task Every_answer_of_a_tour_of_the_api_matches_its_documented_schema()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        using var anonymous = host.Client(key: null);
        using var operatorClient = host.Client(key: null);
        operatorClient.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", EsperHost.OperatorToken);
        var document = JsonNode.Parse(await anonymous.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var checkedCount = 0;

        async Task<ApiResult> Check(EsperClient who, string method, string path, string? body = null, string? ifMatch = null)
        {
            var result = await who.SendAsync(new HttpMethod(method), path, body, ifMatch, method == "PATCH" ? "application/merge-patch+json" : "application/json");
            AssertMatchesSchema(document, method, path, result);
            checkedCount++;
            return result;
        }

        await Check(anonymous, "GET", "/healthz");
        await Check(anonymous, "GET", "/readyz");
        await Check(client, "POST", "/api/v1/actions", """{"id":"login","name":"Login","expression":"request.path == \"/login\""}""");
        await Check(client, "POST", "/api/v1/entities", """{"id":"by-ip","name":"By IP","key_fields":["client_ip"]}""");
        await Check(client, "POST", "/api/v1/mitigations", Scenario.BlockMitigation);
        await Check(client, "POST", "/api/v1/mitigations", Scenario.ChallengeMitigation);
        var policy = await Check(client, "POST", "/api/v1/policies", Scenario.WindowPolicy());
        await Check(client, "POST", "/api/v1/policies", """{"id":"login-check","name":"Check logins","clauses":[{"action_ids":["login"],"mitigation_id":"verify"}]}""");
        await Check(client, "GET", "/api/v1/actions");
        await Check(client, "GET", "/api/v1/entities/by-ip");
        await Check(client, "GET", "/api/v1/mitigations");
        await Check(client, "GET", "/api/v1/policies");
        await Check(client, "PUT", "/api/v1/policies/burst", Scenario.WindowPolicy(status: "dry_run"), policy.Header("ETag"));
        await Check(client, "PATCH", "/api/v1/policies/burst", """{"description":"Bursts & floods"}""");
        await Check(client, "PATCH", "/api/v1/policies/burst", """{"name":"x"}""", "\"stale\"");
        await Check(client, "DELETE", "/api/v1/mitigations/block-5m");

        var decisions = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            decisions.Add((await Check(client, "POST", "/api/v1/runtime/mitigation", Scenario.Event(path: "/cart"))).Str("decision_id"));
        }

        decisions.Add((await Check(client, "POST", "/api/v1/runtime/mitigation", """{"request":{"path":"/login","client_ip":"198.51.100.4"},"tenant":"x"}""")).Str("decision_id"));
        await Check(client, "POST", "/api/v1/runtime/mitigation", """{"idempotency_key":"k1","request":{"path":"/"}}""");
        await Check(client, "POST", "/api/v1/beacon/event", $"[{Scenario.Event()},{Scenario.Event()}]");
        foreach (var id in decisions)
        {
            await Check(client, "GET", $"/api/v1/decisions/{id}");
        }

        await Check(client, "GET", "/api/v1/results/policies");
        await Check(client, "GET", "/api/v1/results/policies/burst");
        var key = await Check(client, "POST", "/api/v1/api-keys", """{"name":"edge","scope":"runtime"}""");
        await Check(client, "GET", "/api/v1/api-keys");
        await Check(client, "GET", $"/api/v1/api-keys/{key.Str("id")}");
        await Check(operatorClient, "POST", "/api/v1/tenants", """{"name":"Shop","slug":"shop"}""");
        await Check(client, "GET", "/api/v1/audit");
        await Check(client, "GET", "/api/v1/challenge/status");
        using var runtime = host.Client(key.Str("secret"));
        await Check(runtime, "POST", "/api/v1/challenge/proof/verify", """{"proof":"v1.nope"}""");
        await Check(runtime, "GET", "/api/v1/hybrid/config");
        await Check(client, "POST", "/api/v1/expressions/validate", """{"expression":"request.path == \"/a&b\""}""");
        await Check(client, "POST", "/api/v1/expressions/validate", """{"expression":"request.path =="}""");
        var job = await Check(client, "POST", "/api/v1/replay-jobs", """{"job_type":"DryRun","time_range_start":"2026-03-26T00:00:00Z","time_range_end":"2026-03-27T00:00:00Z"}""");
        await Check(client, "GET", $"/api/v1/replay-jobs/{job.Str("job_id")}");
        await Check(client, "GET", "/api/v1/replay-jobs");

        // Problems.
        await Check(client, "POST", "/api/v1/policies", """{"name":"P","clauses":[{"mitigation_id":"nope"}]}""");
        await Check(client, "POST", "/api/v1/actions", """{"name":"Bad","expression":"request.path =="}""");
        await Check(anonymous, "GET", "/api/v1/policies");
        await Check(runtime, "GET", "/api/v1/policies");
        await Check(client, "GET", "/api/v1/policies/none");
        await Check(client, "DELETE", "/api/v1/mitigations/verify");
        await Check(client, "POST", "/api/v1/runtime/mitigation", "[1,2]");
        await Check(client, "POST", "/api/v1/runtime/mitigation", "{\"request\":{\"path\":\"/" + new string('a', 1_100_000) + "\"}}");
        await Check(client, "DELETE", $"/api/v1/api-keys/{key.Str("id")}");
        await Check(client, "GET", $"/api/v1/decisions/dec_unknown");
        await Check(client, "POST", "/api/v1/replay-jobs", """{"job_type":"DryRun","candiate":{}}""");

        Assert.True(checkedCount >= 50, $"only {checkedCount} answers were checked");
    }

    [Fact]
    public async Task Every_request_example_of_the_reference_matches_its_schema_and_is_accepted()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        using var anonymous = host.Client(key: null);
        var document = JsonNode.Parse(await anonymous.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var defs = Closed(document["components"]!["schemas"]!.DeepClone());

        foreach (var route in ApiRoutes.All.Where(static r => r.RequestBody is not null && r.RequestContentType.Contains("json", StringComparison.Ordinal)))
        {
            var media = document["paths"]![route.Template]![route.Method.ToLowerInvariant()]!["requestBody"]!["content"]![route.RequestContentType]!;
            Assert.True(media["example"] is not null, $"{route.Method} {route.Template} has no example");
            var text = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$defs"] = defs.DeepClone(),
                ["allOf"] = new JsonArray(Closed(media["schema"]!.DeepClone())),
            }.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
            var evaluation = JsonSchema.FromText(text, new BuildOptions(), new Uri($"https://schemas.esper.test/{Guid.NewGuid():n}"))
                .Evaluate(JsonDocument.Parse(media["example"]!.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(evaluation.IsValid, $"the example of {route.Method} {route.Template} does not match its schema");
        }

        // The quickstart's resources, in the order they depend on each other, are accepted as documented.
        foreach (var name in (string[])["CreateAction", "CreateMitigation", "CreatePolicy", "RuntimeMitigation", "CreateApiKey", "ValidateExpression", "CreateReplayJob"])
        {
            var route = ApiRoutes.All.Single(r => r.Name == name);
            var result = await client.PostAsync(route.Template, route.RequestExample!);
            Assert.True(route.SuccessStatus == (int)result.Status, $"{name}'s example answered {(int)result.Status}: {result.Text}");
        }
    }

    private static void AssertMatchesSchema(JsonNode document, string method, string path, ApiResult result)
    {
        var route = RouteOf(method, path);
        var status = ((int)result.Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = document["paths"]![route.Template]![method.ToLowerInvariant()]!["responses"]![status];
        Assert.True(response is not null, $"{method} {path} answered {status}, which {route.Template} does not document: {result.Text}");
        if (result.Text.Length == 0)
        {
            Assert.True(response!["content"] is null, $"{method} {path} answered {status} without the body its documentation promises");
            return;
        }

        var mediaType = result.ContentType!;
        var schema = response!["content"]?[mediaType]?["schema"];
        Assert.True(schema is not null, $"{method} {path} answered {status} as {mediaType}, which is not documented");
        var closed = Closed(schema!.DeepClone());
        var defs = Closed(document["components"]!["schemas"]!.DeepClone());
        var text = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = defs,
            ["allOf"] = new JsonArray(closed),
        }.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var evaluation = JsonSchema.FromText(text, new BuildOptions(), new Uri($"https://schemas.esper.test/{Guid.NewGuid():n}"))
            .Evaluate(JsonDocument.Parse(result.Text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, $"{method} {path} ({status}) does not match its schema: "
            + string.Join("; ", (evaluation.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"))
            + $"\n{result.Text}");
    }

    /// <summary>Every object schema with listed properties admits no others.</summary>
    private static JsonNode Closed(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject && obj["additionalProperties"] is null)
            {
                obj["additionalProperties"] = false;
            }

            foreach (var (_, child) in obj.ToList())
            {
                if (child is not null)
                {
                    Closed(child);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                {
                    Closed(child);
                }
            }
        }

        return node;
    }

    private static ApiRoute RouteOf(string method, string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        return ApiRoutes.All.Single(r =>
        {
            var template = r.Template.Trim('/').Split('/');
            return r.Method == method && template.Length == segments.Length
                && template.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second);
        });
    }
}
