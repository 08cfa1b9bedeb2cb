using System.Net;
using Yarp.ReverseProxy.Forwarder;

// The baseline for `esper run --proxy`: the same YARP forwarder with the same client settings and the same slim
// Kestrel host, forwarding every request to UPSTREAM with no decision, no queue and no logging.
//   ASPNETCORE_URLS=http://127.0.0.1:8081 UPSTREAM=http://127.0.0.1:3000 dotnet Esper.Bench.BareYarp.dll
// With BEACON_SINK=1 it stands in front of origin for the daemon instead (bench/hybrid.sh): the daemon's forwarded
// batches (POST /api/v1/beacon/event) are read and answered 202 here, everything else (config, mitigations) goes to
// origin. So the daemon still pays for forwarding, but origin's recording of those events does not compete for the
// benchmark machine's cores while the daemon is measured (in production origin runs elsewhere).
var upstream = Environment.GetEnvironmentVariable("UPSTREAM") ?? throw new InvalidOperationException("Set UPSTREAM to the app's URL.");
var beaconSink = Environment.GetEnvironmentVariable("BEACON_SINK") == "1";
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
long beacons = 0;
app.Run(async context =>
{
    if (beaconSink && HttpMethods.IsPost(context.Request.Method) && context.Request.Path == "/api/v1/beacon/event")
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        Interlocked.Increment(ref beacons);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        return;
    }

    if (beaconSink && context.Request.Path == "/sink/beacons")
    {
        await context.Response.WriteAsync(Interlocked.Read(ref beacons).ToString(System.Globalization.CultureInfo.InvariantCulture), context.RequestAborted);
        return;
    }

    await forwarder.SendAsync(context, upstream, client, ForwarderRequestConfig.Empty, HttpTransformer.Default);
});

await app.RunAsync();
