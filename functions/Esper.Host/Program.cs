using Esper.Api;
using Esper.Host;
using Esper.Host.OperatorConsole;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// One log line per request is noise on a service that sits inline on every request; configuration can still raise it.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var settings = HostSettings.Read(builder.Configuration, out var settingsErrors);
if (settings is null)
{
    Console.Error.WriteLine($"esper: {string.Join("; ", settingsErrors)}");
    return 2;
}

if (settings.OperatorAuth.DevSecret is not null)
{
    Console.WriteLine("esper: warning: ESPER_JWT_DEV_SECRET is set, so the development issuer 'esper-dev' signs operators in; anyone with the secret can act as any user. It must not be used in production: unset it and configure ESPER_JWT_SIGNING_KEY or ESPER_JWT_JWKS_URL");
}

if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(HostSettings.DefaultUrl);
}

builder.Services.AddEsperApi(settings);
builder.Services.AddEsperConsole();
builder.WebHost.ConfigureKestrel(KestrelLimits.Apply);
// The OpenAPI schemas come from the same source-generated snake_case contracts the handlers write.
builder.Services.ConfigureHttpJsonOptions(OpenApiRouteContracts.ConfigureJson);
builder.Services.AddOpenApi(static options =>
{
    options.AddSchemaTransformer(OpenApiRouteContracts.OptionalNullsAsync);
    options.AddSchemaTransformer(OpenApiRouteContracts.WriteWarningsAsync);
    options.AddDocumentTransformer(OpenApiRouteContracts.DescribeDocumentAsync);
    options.AddOperationTransformer(OpenApiRouteContracts.DescribeOperationAsync);
});

var app = builder.Build();
string? adminKey;
try
{
    adminKey = await EsperBootstrap.EnsureDefaultTenantAsync(app.Services, settings.BootstrapAdminKey);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine($"esper: {ex.Message}");
    return 2;
}

if (adminKey is not null)
{
    Console.WriteLine("esper: created tenant 'default'. Its admin key is shown only this once:");
    Console.WriteLine($"export ESPER_KEY={adminKey}");
}

app.MapOpenApi("/openapi/v1.json");
app.MapEsperRoutes();
app.MapScalarApiReference("/docs", static options => options.WithTitle("Esper API").WithOpenApiRoutePattern("/openapi/v1.json"));
app.MapEsperConsole();
await app.RunAsync();
return 0;
