using System.Net;
using System.Text;

namespace Esper.Api.Tests.Challenge;

/// <summary>
/// A local stand-in for Cloudflare's siteverify on a loopback socket (Cloudflare itself cannot be reached from the
/// tests). Answers every POST with <see cref="Answer"/> and records the form bodies it received.
/// </summary>
internal sealed class TurnstileStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public TurnstileStandIn()
    {
        var port = Esper.Testing.LoopbackPort.Free();
        Url = new Uri($"http://127.0.0.1:{port}/turnstile/v0/siteverify");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public string Answer { get; set; } = """{"success":true,"error-codes":[],"hostname":"shop.example"}""";

    public List<string> Requests { get; } = [];

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var body = await reader.ReadToEndAsync();
                lock (Requests)
                {
                    Requests.Add(body);
                }
            }

            var bytes = Encoding.UTF8.GetBytes(Answer);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
