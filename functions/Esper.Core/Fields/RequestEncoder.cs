using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>Parses event bodies and encodes them into the field model described in docs/field-model.md.</summary>
public static class RequestEncoder
{
    /// <summary>The version of the encoding rules; changes whenever a rule changes what a request encodes to.</summary>
    public const string EncodingVersion = "1";

    /// <summary>
    /// Parses one event (nested runtime shape or flat recipe shape). Never throws: errors name the offending field
    /// and respect the limits in <see cref="FieldLimits"/>.
    /// </summary>
    public static ParseResult Parse(JsonElement body) => RuntimeEventParser.Parse(body);

    /// <summary>
    /// Reads one event straight from its UTF-8 JSON bytes in a single pass, checking the text limits as it goes.
    /// True with the same result <see cref="Parse"/> gives for the parsed body when the body is a valid event within
    /// <paramref name="limits"/>; false for anything else (malformed or hostile JSON, an invalid event, a key given
    /// twice where the order would matter): then parse the body as a document for the error that names the field.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, EventTextLimits limits, [NotNullWhen(true)] out ParseResult? result)
    {
        result = Utf8EventReader.TryRead(utf8Json, limits);
        return result is not null;
    }

    /// <summary>Encodes a parsed event into its normalised field model.</summary>
    public static EncodedRequest Encode(RuntimeEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return RequestNormalizer.Encode(ev);
    }
}
