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

    /// <summary>Encodes a parsed event into its normalised field model.</summary>
    public static EncodedRequest Encode(RuntimeEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return RequestNormalizer.Encode(ev);
    }
}
