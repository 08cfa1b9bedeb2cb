namespace Esper.Core.Fields;

/// <summary>
/// The stable field model of one request: named, normalised fields that expressions and entity keys read.
/// SEAM STUB: dictionary-backed; the encoding work may change the internals but keeps the public members.
/// </summary>
public sealed class EncodedRequest
{
    private readonly Dictionary<string, string> _fields;

    internal EncodedRequest(Dictionary<string, string> fields) => _fields = fields;

    /// <summary>Reads a field by canonical or alias name as text; false when the request has no such field.</summary>
    public bool TryGetText(string fieldName, out string value) => _fields.TryGetValue(fieldName, out value!);

    /// <summary>Creates an encoded request straight from canonical field values (tests and benchmarks).</summary>
    public static EncodedRequest FromFields(IReadOnlyDictionary<string, string> fields) =>
        new(new Dictionary<string, string>(fields, StringComparer.Ordinal));
}
