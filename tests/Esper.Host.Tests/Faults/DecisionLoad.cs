using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Faults;

/// <summary>
/// Concurrent runtime decisions against a host, the way several connectors call it, each answer kept as a
/// <see cref="LoadAnswer"/>. Every worker sends at most <c>maxPerWorker</c> decisions (a bounded count, not a time)
/// and stops when <see cref="StopAsync"/> is called or the host stops answering. Events spread over many client IPs, so decisions touch many
/// entity keys at once.
/// </summary>
internal sealed class DecisionLoad : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<LoadAnswer> _answers = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private long _sequence;

    private DecisionLoad(Uri baseAddress, int workers, int maxPerWorker)
    {
        _workers = [.. Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(baseAddress, w, maxPerWorker)))];
    }

    /// <summary>Every answer so far, in arrival order.</summary>
    public IReadOnlyList<LoadAnswer> Answers => [.. _answers.OrderBy(static a => a.Sequence)];

    /// <summary>How many answers have arrived: answers after this mark arrived after the moment it was read.</summary>
    public long Mark => Interlocked.Read(ref _sequence);

    public static DecisionLoad Start(Uri baseAddress, int workers = 4, int maxPerWorker = 1000) => new(baseAddress, workers, maxPerWorker);

    /// <summary>Waits (bounded by <paramref name="timeout"/>) until <paramref name="condition"/> holds for the answers after <paramref name="mark"/>.</summary>
    public async Task WaitForAsync(long mark, Func<IReadOnlyList<LoadAnswer>, bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(120);
        var clock = Stopwatch.StartNew();
        while (!condition([.. Answers.Where(a => a.Sequence > mark)]))
        {
            if (clock.Elapsed > limit || _workers.All(static w => w.IsCompleted))
            {
                var since = Answers.Where(a => a.Sequence > mark).ToList();
                throw new TimeoutException($"Waited {clock.Elapsed.TotalSeconds:0} s for {what}; answers since the mark: {since.Count} "
                    + $"({string.Join(", ", since.GroupBy(static a => a.Status).Select(static g => $"{g.Key}: {g.Count()}"))}), last: {since.LastOrDefault()}");
            }

            // Polls a real condition (answers arriving), bounded above.
            await Task.Delay(50);
        }
    }

    /// <summary>Stops the workers after the requests they have in flight and waits for them.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task WorkAsync(Uri baseAddress, int worker, int maxPerWorker)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = RequestTimeout };
        for (var i = 0; i < maxPerWorker && !_stop.IsCancellationRequested; i++)
        {
            var body = Scenario.Event(ip: $"198.51.{worker}.{i % 250}");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/runtime/mitigation")
            {
                Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add("x-esper-api-key", EsperHost.AdminKey);
            var clock = Stopwatch.StartNew();
            LoadAnswer answer;
            try
            {
                // Not cancelled by StopAsync: a request in flight gets its answer (or loses its connection).
                using var response = await http.SendAsync(request, CancellationToken.None);
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                answer = Read((int)response.StatusCode, response, text, clock.Elapsed);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // No answer: the host was killed or its connection cut. Not acknowledged.
                answer = new LoadAnswer(0, 0, null, null, ex.GetType().Name, ex.Message, null, clock.Elapsed);
            }

            _answers.Enqueue(answer with { Sequence = Interlocked.Increment(ref _sequence) });
            if (answer.Status == 0)
            {
                // A host that no longer answers ends this worker: what matters is what was in flight.
                return;
            }
        }
    }

    private static LoadAnswer Read(int status, HttpResponseMessage response, string text, TimeSpan took)
    {
        var contentType = response.Content.Headers.ContentType?.MediaType;
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? ((int)delta.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        if (contentType?.Contains("json", StringComparison.Ordinal) != true || text.Length == 0)
        {
            return new LoadAnswer(0, status, null, contentType, null, text, retryAfter, took);
        }

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        string? Field(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return status == 200
            ? new LoadAnswer(0, status, Field("decision_id"), contentType, null, null, retryAfter, took)
            : new LoadAnswer(0, status, null, contentType, Field("type"), Field("title"), retryAfter, took);
    }
}
