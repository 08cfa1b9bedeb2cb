namespace Esper.Bench.Report;

/// <summary>One target of the benchmark issue and whether this run met it.</summary>
internal sealed record Check(string Measurement, string Figure, string Target, bool? Met)
{
    public string Verdict => Met switch { true => "met", false => "**not met**", null => "n/a" };
}
