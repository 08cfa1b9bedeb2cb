namespace Esper.Cli.Hybrid;

/// <summary>What one sync changed in one kind's cached copy.</summary>
internal sealed record KindChange(string Kind, string Version, IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;

    public string Describe() => IsEmpty
        ? $"{Kind}: unchanged (version {Version})"
        : $"{Kind}: version {Version}: {Part("added", Added)}{Part("changed", Changed)}{Part("removed", Removed)}".TrimEnd(';', ' ');

    private static string Part(string label, IReadOnlyList<string> ids) => ids.Count == 0 ? "" : $"{label} {string.Join(", ", ids)}; ";
}
