using System.Globalization;

namespace Esper.Bench.InProcess;

/// <summary>`--name value` pairs of the command line.</summary>
internal sealed class Args(string[] args)
{
    private readonly Dictionary<string, string> _values = Parse(args);

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required");

    public bool Quick => Get("quick") == "1";

    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static Dictionary<string, string> Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return values;
    }
}
