using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Esper.Bench.Shared;

namespace Esper.Bench.LoadGen;

/// <summary>
/// Drives one target with a fixed number of keep-alive connections, either closed-loop (each connection sends its
/// next request as soon as the previous answered: peak throughput) or at a fixed rate (wrk2-style: request i is due
/// at start + i/rate; when the generator could only send it late because every connection was busy, its latency is
/// counted from when it was due, so a slow server cannot hide its queueing).
/// </summary>
internal sealed class LoadRunner(LoadOptions options)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly string[] ProxyPaths = ["/", "/articles/how-to-bake-bread", "/api/search?q=bread&page=2", "/checkout", "/static/app.js"];
    private readonly BodyFactory _bodies = new(options.DistinctIps);

    public async Task<LoadResult> RunAsync()
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };

        if (options.WarmupSeconds > 0)
        {
            await RunPhaseAsync(client, options.WarmupSeconds, record: false);
        }

        var started = Stopwatch.GetTimestamp();
        var logs = await RunPhaseAsync(client, options.DurationSeconds, record: true);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var (corrected, service, errors) = LatencyLog.Merge(logs);
        return LoadResult.From(options, elapsed, corrected, service, errors);
    }

    private async Task<LatencyLog[]> RunPhaseAsync(HttpClient client, double seconds, bool record)
    {
        var logs = Enumerable.Range(0, options.Connections).Select(_ => new LatencyLog()).ToArray();
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(seconds * Stopwatch.Frequency);
        var hardStop = deadline + 5 * Stopwatch.Frequency;
        var budget = options.Rate > 0 ? Math.Min(options.MaxRequests, (long)(options.Rate * seconds)) : options.MaxRequests;
        var ticksPerRequest = options.Rate > 0 ? Stopwatch.Frequency / options.Rate : 0;
        long issued = 0;

        var workers = logs.Select((log, w) => Task.Run(async () =>
        {
            var random = new Random(options.Seed * 7919 + w + (record ? 1 : 0) * 104729);
            while (true)
            {
                var slot = Interlocked.Increment(ref issued) - 1;
                var now = Stopwatch.GetTimestamp();
                if (slot >= budget || now >= hardStop || (ticksPerRequest == 0 && now >= deadline))
                {
                    return;
                }

                var due = ticksPerRequest == 0 ? now : start + (long)(slot * ticksPerRequest);
                var late = now > due;
                if (!late)
                {
                    var wait = Stopwatch.GetElapsedTime(now, due);
                    if (wait >= TimeSpan.FromMilliseconds(1))
                    {
                        await Task.Delay(wait);
                    }
                }

                var request = options.Gets ? ProxyGet(random) : RuntimePost(random);
                var sent = Stopwatch.GetTimestamp();
                var ok = await SendAsync(client, request);
                var done = Stopwatch.GetTimestamp();
                if (!record)
                {
                    continue;
                }

                log.Add(done - (late ? due : sent), done - sent);
                if (!ok)
                {
                    log.Errors++;
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return logs;
    }

    private HttpRequestMessage RuntimePost(Random random)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, options.Url);
        request.Content = new ByteArrayContent(_bodies.Next(random));
        request.Content.Headers.ContentType = Json;
        if (options.ApiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("x-esper-api-key", options.ApiKey);
        }

        return request;
    }

    // The same requests as bench/wrk/proxy.lua: a few paths, many user agents, so ip + user-agent entities spread.
    private HttpRequestMessage ProxyGet(Random random)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Url, ProxyPaths[random.Next(ProxyPaths.Length)]));
        request.Headers.TryAddWithoutValidation("User-Agent", "bench-agent/" + random.Next(options.DistinctIps).ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        return request;
    }

    private static async Task<bool> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
        finally
        {
            request.Dispose();
        }
    }
}
