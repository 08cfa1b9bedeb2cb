using System.Net;
using System.Text;
using Esper.Testing;

namespace Esper.Host.Tests.Challenge;

/// <summary>The customer's site on its own loopback port: the page a challenged visitor returns to.</summary>
internal sealed class ProtectedSite : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public ProtectedSite()
    {
        var port = LoopbackPort.Free();
        Origin = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The site's origin, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin { get; }

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

            var body = Encoding.UTF8.GetBytes("<!doctype html><title>Shop</title><h1 id=\"landed\">Welcome back</h1>");
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
