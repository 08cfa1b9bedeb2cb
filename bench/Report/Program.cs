using Esper.Bench.Report;

// Usage: report RAW_DIR OUT_MD  |  report profile SPEEDSCOPE_JSON  |  report counters DOTNET_COUNTERS_CSV
if (args is ["profile", var trace])
{
    Console.Write(SpeedscopeSummary.Summarise(trace));
    return 0;
}

if (args is ["counters", var counters])
{
    Console.Write(CountersSummary.Summarise(counters));
    return 0;
}

// Usage: report RAW_DIR OUT_MD
// Turns the raw JSON figures of one bench/run.sh into the markdown report (summary of targets first).
if (args.Length != 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: report RAW_DIR OUT_MD");
    return 2;
}

var markdown = new ReportBuilder(args[0]).Build();
await File.WriteAllTextAsync(args[1], markdown);
Console.WriteLine($"wrote {args[1]}");
return 0;
