using System.Globalization;
using System.Text.Json;
using Esper.Bench.LoadGen;

// Usage: loadgen closed|rate --url URL [--connections N --duration S --warmup S --rate R --api-key K --label L --out FILE --gets 1]
if (args.Length == 0 || args[0] is not ("closed" or "rate"))
{
    Console.Error.WriteLine("usage: loadgen closed|rate --url http://127.0.0.1:PORT/path [--connections N] [--duration S] [--rate R] [--out FILE]");
    return 2;
}

var options = LoadOptions.Parse(args[0], args[1..]);
if (options.Mode == "rate" && options.Rate <= 0)
{
    Console.Error.WriteLine("rate mode needs --rate > 0");
    return 2;
}

var result = await new LoadRunner(options).RunAsync();
var json = JsonSerializer.Serialize(result, LoadGenJsonContext.Default.LoadResult);
if (options.Output is not null)
{
    await File.WriteAllTextAsync(options.Output, json);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{result.Label} {result.Mode}: {result.Rps:F0} req/s, p50 {result.P50Ms:F3} ms, p99 {result.P99Ms:F3} ms, errors {result.Errors}/{result.Requests}"));
return 0;
