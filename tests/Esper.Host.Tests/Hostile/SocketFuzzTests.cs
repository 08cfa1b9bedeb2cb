using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CsCheck;
using Esper.Core.Tests.Fuzz;
using Esper.Host.Tests.Support;
using Xunit.Abstractions;

namespace Esper.Host.Tests.Hostile;

/// <summary>
/// Fuzzes the real host process over HTTP: the JSON endpoints' corpus bodies (Fuzz/corpus/bodies.tsv, shared with
/// the in-process endpoint fuzzing) damaged by the parser fuzzing's mutations, sent as UTF-8 or as raw bytes with a
/// JSON or an odd Content-Type. The law: every answer is a 2xx or a 4xx, none takes longer than
/// <see cref="HostileHost.AnswerBound"/>, and the host still decides afterwards. <c>ESPER_FUZZ_SECONDS</c> bounds it
/// (default 30).
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class SocketFuzzTests(HostileHost host, ITestOutputHelper output)
{
    private static readonly string[] ContentTypes = ["application/json", "application/merge-patch+json", "text/plain", "application/json; charset=latin1"];

    [Fact]
    public async Task Damaged_bodies_over_http_get_only_2xx_or_4xx_answers_and_never_hang()
    {
        var routes = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fuzz", "corpus", "bodies.tsv"))
            .Where(static l => l.Length > 0).Select(static l => l.Split('\t', 2)).ToArray();
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("ESPER_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 30;
        var statuses = new SortedDictionary<int, int>();
        var slowest = TimeSpan.Zero;
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = HostileHost.AnswerBound };

        Gen.Select(Gen.Int[0, routes.Length - 1], Mutations.Of([.. routes.Select(static r => r[1])]), Gen.Bool, Gen.Int[0, ContentTypes.Length - 1]).Sample(pick =>
        {
            var (index, body, latin1, type) = pick;
            var target = routes[index][0].Split(' ');
            using var request = new HttpRequestMessage(new HttpMethod(target[0]), target[1]);
            request.Headers.Add("x-esper-api-key", EsperHost.AdminKey);
            // Latin-1 sends each char below 256 as one byte, so a damaged body also reaches the host as invalid UTF-8.
            request.Content = new ByteArrayContent(latin1 ? Encoding.Latin1.GetBytes(body) : Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentTypes[type]);
            var clock = Stopwatch.StartNew();
            using var response = http.Send(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            Assert.True(status is >= 200 and < 500 and not (>= 300 and < 400), $"{target[0]} {target[1]} {ContentTypes[type]} {body} -> {status}");
        }, writeLine: output.WriteLine, time: seconds, threads: 1);

        output.WriteLine($"{statuses.Values.Sum()} requests in {seconds} s, slowest {slowest.TotalMilliseconds:0} ms: {string.Join(", ", statuses.Select(static p => $"{p.Key}: {p.Value}"))}");
        Assert.Contains(statuses.Keys, static k => k < 300);
        Assert.Contains(statuses.Keys, static k => k is >= 400 and < 500);
        await host.AssertHealthyAsync();
    }
}
