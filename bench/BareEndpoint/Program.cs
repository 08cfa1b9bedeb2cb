using System.Text;
using System.Text.Json;

// The physical limit of the HTTP path on this machine: the same Kestrel, the same route and the same JSON body as
// Esper's runtime endpoint, but no work beyond parsing the body and writing a fixed decision.
// Built like the Esper host (full builder, default logging filtered by configuration, no Server header).
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var app = builder.Build();

var fixedDecision = Encoding.UTF8.GetBytes(
    """{"action":"allow","decision_id":"dec_00000000000000000000000000","policy_id":null,"mitigation_id":null,"reason":"no policy matched","matches":[],"actions":[],"entities":[]}""");
var badRequest = Encoding.UTF8.GetBytes("""{"title":"body is not a JSON object"}""");

app.MapPost("/api/v1/runtime/mitigation", async (HttpContext context) =>
{
    using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
    var ok = document.RootElement.ValueKind == JsonValueKind.Object;
    context.Response.StatusCode = ok ? 200 : 400;
    context.Response.ContentType = ok ? "application/json" : "application/problem+json";
    var payload = ok ? fixedDecision : badRequest;
    context.Response.ContentLength = payload.Length;
    await context.Response.Body.WriteAsync(payload, context.RequestAborted);
});
app.MapGet("/healthz", () => Results.Text("ok"));

await app.RunAsync();
