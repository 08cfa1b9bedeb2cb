using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);

// Heroku gives the dyno its port in $PORT; elsewhere ASPNETCORE_URLS or --urls apply.
if (Environment.GetEnvironmentVariable("PORT") is { Length: > 0 } port)
{
    builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
}

// Heroku's router is the only hop in front of the dyno and sets X-Forwarded-For and X-Forwarded-Proto; its
// addresses are not published, so every forwarder is trusted. Behind other proxies, list them instead.
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    options.KnownIPNetworks.Clear();
    options.KnownProxies.Clear();
});

// The two Esper lines: ESPER_API_URL and ESPER_API_KEY (or the Esper configuration section) say where Esper is.
builder.Services.AddEsper();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseEsper();

app.MapGet("/", () => "Hello from a protected app.");
app.MapPost("/login", () => Results.Text("Signed in."));
app.MapGet("/account", (HttpContext context) => Results.Text("Your account" + context.Request.QueryString));
app.MapGet("/healthz", () => "ok").SkipEsper();

await app.RunAsync();

/// <summary>The sample app's entry point (public for the tests' WebApplicationFactory).</summary>
public partial class Program;
