using Esper.Api;
using Esper.Host;
using Microsoft.AspNetCore.OpenApi;

var builder = WebApplication.CreateBuilder(args);

// One log line per request is noise on a service that sits inline on every request; configuration can still raise it.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var settings = HostSettings.Read(builder.Configuration, out var settingsErrors);
if (settings is null)
{
    Console.Error.WriteLine($"esper: {string.Join("; ", settingsErrors)}");
    return 2;
}

if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(HostSettings.DefaultUrl);
}

builder.Services.AddEsperApi(settings);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    // The shared handler enforces the documented limits with problem+json answers; Kestrel's own limits sit above them.
    kestrel.Limits.MaxRequestBodySize = null;
    kestrel.Limits.MaxRequestHeaderCount = 1000;
    kestrel.AddServerHeader = false;
});
builder.Services.AddOpenApi(options =>
{
    options.AddDocumentTransformer(static (document, _, _) =>
    {
        // The served document must equal the checked-in copy whatever address the host listens on.
        document.Servers?.Clear();
        document.Info.Title = "Esper API";
        document.Info.Version = "v1";
        return Task.CompletedTask;
    });
    options.AddOperationTransformer(OpenApiRequestBodies.ApplyAsync);
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
await app.RunAsync();
return 0;
