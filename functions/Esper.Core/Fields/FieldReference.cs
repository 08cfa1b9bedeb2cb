using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Esper.Core.Fields;

/// <summary>
/// A field name resolved once (canonical or alias) into an accessor. Resolve key fields and expression fields at
/// compile time and read them with <see cref="EncodedRequest.TryGetText(FieldReference, out string)"/>.
/// </summary>
public sealed class FieldReference : IEquatable<FieldReference>
{
    // Resolution is cheap but not free; entity key fields and ad-hoc TryGetText calls repeat the same few names.
    private const int CacheLimit = 4096;
    private static readonly ConcurrentDictionary<string, FieldReference?> Cache = new(StringComparer.Ordinal);

    internal FieldReference(FieldKind kind, string key)
    {
        Kind = kind;
        Key = key;
        Name = FieldNameResolver.CanonicalName(kind, key);
    }

    /// <summary>The canonical dotted name, e.g. <c>request.headers.user-agent</c>.</summary>
    public string Name { get; }

    /// <summary>True for a whole map (<c>request.headers</c>, <c>fields</c>...): usable in <c>size()</c> and <c>has()</c>, not as text.</summary>
    public bool IsMap => Kind >= FieldKind.Headers;

    internal FieldKind Kind { get; }

    internal string Key { get; }

    /// <summary>Resolves a canonical or alias field name; false when no field of the model has that name.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out FieldReference? reference)
    {
        if (string.IsNullOrEmpty(name))
        {
            reference = null;
            return false;
        }

        if (!Cache.TryGetValue(name, out reference))
        {
            reference = FieldNameResolver.Resolve(name);
            if (Cache.Count < CacheLimit)
            {
                Cache.TryAdd(name, reference);
            }
        }

        return reference is not null;
    }

    /// <inheritdoc />
    public bool Equals(FieldReference? other) => other is not null && other.Kind == Kind && other.Key == Key;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FieldReference);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Key);

    /// <inheritdoc />
    public override string ToString() => Name;
}
