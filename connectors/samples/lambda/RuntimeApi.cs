using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LambdaSample;

/// <summary>
/// The Lambda Runtime API loop of a custom runtime: fetch the next event, hand it to the function, post its answer.
/// Amazon.Lambda.RuntimeSupport does the same; with it, pass <see cref="Function.HandleAsync"/> to its bootstrap instead.
/// </summary>
internal sealed class RuntimeApi : IDisposable
{
    private const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    private readonly HttpClient _http;

    public RuntimeApi(string address)
    {
        // The next-event call blocks until an event arrives: no client-side timeout.
        _http = new HttpClient { BaseAddress = new Uri($"http://{address}/2018-06-01/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Serves events until <paramref name="cancellationToken"/> fires (SIGTERM).</summary>
    public async Task RunAsync(Func<string, CancellationToken, Task<string>> handler, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string requestId;
            string eventJson;
            try
            {
                using var next = await _http.GetAsync(new Uri("runtime/invocation/next", UriKind.Relative), cancellationToken);
                next.EnsureSuccessStatusCode();
                requestId = next.Headers.GetValues(RequestIdHeader).First();
                eventJson = await next.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                var response = await handler(eventJson, cancellationToken);
                await PostAsync($"runtime/invocation/{requestId}/response", response, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await PostAsync($"runtime/invocation/{requestId}/error", Error(ex.GetType().Name, ex.Message), cancellationToken);
            }
        }
    }

    /// <summary>Reports a function that cannot start (e.g. a missing ESPER_API_KEY): Lambda shows the message.</summary>
    public Task PostInitErrorAsync(string message, CancellationToken cancellationToken) =>
        PostAsync("runtime/init/error", Error("InitError", message), cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string path, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string Error(string type, string message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("errorType", type);
            json.WriteString("errorMessage", message);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
