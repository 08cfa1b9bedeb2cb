using System.Net;
using Yarp.ReverseProxy.Forwarder;

// The baseline for `esper run --proxy`: the same YARP forwarder with the same client settings and the same slim
// Kestrel host, forwarding every request to UPSTREAM with no decision, no queue and no logging.
//   ASPNETCORE_URLS=http://127.0.0.1:8081 UPSTREAM=http://127.0.0.1:3000 dotnet Esper.Bench.BareYarp.dll
var upstream = Environment.GetEnvironmentVariable("UPSTREAM") ?? throw new InvalidOperationException("Set UPSTREAM to the app's URL.");
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.ConfigureKestrel(static kestrel => kestrel.AddServerHeader = false);
builder.Logging.ClearProviders();
builder.Services.AddHttpForwarder();
var app = builder.Build();

using var client = new HttpMessageInvoker(new SocketsHttpHandler
{
    UseProxy = false,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
    ActivityHeadersPropagator = null,
    ConnectTimeout = TimeSpan.FromSeconds(15),
});
var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
app.Run(async context => await forwarder.SendAsync(context, upstream, client, ForwarderRequestConfig.Empty, HttpTransformer.Default));

await app.RunAsync();
