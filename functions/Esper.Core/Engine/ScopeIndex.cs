using System.Text.RegularExpressions;
using Esper.Core.Expressions;
using Esper.Core.Fields;

namespace Esper.Core.Engine;

/// <summary>
/// Answers the most common scope shapes, <c>request.path.startsWith("literal")</c> and
/// <c>request.path == "literal"</c>, with a few hash lookups per request instead of one evaluation per policy,
/// so a tenant with many path-scoped policies pays for the paths, not for the policies. Any other scope is
/// evaluated as usual. The answers are those of the expressions themselves (ordinal comparison of the encoded
/// <c>request.path</c>; absent path = out of scope).
/// </summary>
internal sealed partial class ScopeIndex
{
    private readonly bool[] _covered;
    private readonly Dictionary<string, List<int>> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly int[] _prefixLengths;

    public ScopeIndex(CompiledPolicy[] policies)
    {
        _covered = new bool[policies.Length];
        var lengths = new SortedSet<int>();
        for (var i = 0; i < policies.Length; i++)
        {
            if (policies[i].Scope is not { } scope)
            {
                continue;
            }

            var text = scope.CanonicalText;
            if (PrefixScope().Match(text) is { Success: true } prefix)
            {
                Add(_prefixes, prefix.Groups[1].Value, i);
                lengths.Add(prefix.Groups[1].Value.Length);
            }
            else if (ExactScope().Match(text) is { Success: true } exact)
            {
                Add(_exact, exact.Groups[1].Value, i);
            }
            else
            {
                continue;
            }

            _covered[i] = true;
        }

        _prefixLengths = [.. lengths];
        IsUseful = _prefixes.Count + _exact.Count > 0;
    }

    /// <summary>False when no policy has an indexable scope (then the index is skipped entirely).</summary>
    public bool IsUseful { get; }

    /// <summary>True when the index answers for policy <paramref name="policy"/>.</summary>
    public bool Covers(int policy) => _covered[policy];

    /// <summary>Sets <paramref name="inScope"/>[i] for every indexed policy whose scope holds.</summary>
    public void Resolve(EncodedRequest request, Span<bool> inScope)
    {
        if (!request.TryGetText(FieldNames.RequestPath, out var path))
        {
            return;
        }

        if (_exact.TryGetValue(path, out var exact))
        {
            Mark(exact, inScope);
        }

        var lookup = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var length in _prefixLengths)
        {
            if (length > path.Length)
            {
                break;
            }

            if (lookup.TryGetValue(path.AsSpan(0, length), out var matching))
            {
                Mark(matching, inScope);
            }
        }
    }

    private static void Mark(List<int> policies, Span<bool> inScope)
    {
        foreach (var i in policies)
        {
            inScope[i] = true;
        }
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int policy)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(policy);
    }

    [GeneratedRegex("""^request\.path\.startsWith\("([^"\\]*)"\)$""", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixScope();

    [GeneratedRegex("""^request\.path == "([^"\\]*)"$""", RegexOptions.CultureInvariant)]
    private static partial Regex ExactScope();
}
