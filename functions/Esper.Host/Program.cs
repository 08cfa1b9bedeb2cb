using Esper.Api;
using Esper.Api.Challenge;
using Esper.Host;
using Esper.Host.OperatorConsole;
using Microsoft.AspNetCore.OpenApi;

var builder = WebApplication.CreateBuilder(args);

// One log line per request is noise on a service that sits inline on every request; configuration can still raise it.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
HostSettings settings;
try
{
    settings = HostSettings.From(builder.Configuration);
    builder.Services.AddEsperStore(settings, name => builder.Configuration[name]);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine($"esper: {ex.Message}");
    return 2;
}

var challengeSettings = ChallengeSettingsReader.Read(name => builder.Configuration[name], out var challengeErrors);
if (challengeSettings is null)
{
    Console.Error.WriteLine($"esper: {string.Join("; ", challengeErrors)}");
    return 2;
}

builder.Services.AddSingleton(challengeSettings);

if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(HostSettings.DefaultUrl);
}

builder.Services.AddEsperApi(settings.Api.ApplyTo);
builder.Services.AddEsperConsole();
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
    adminKey = await EsperBootstrap.EnsureDefaultTenantAsync(app.Services, settings.Api.BootstrapAdminKey);
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
app.MapEsperConsole();
await app.RunAsync();
return 0;
