using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Esper.Core.Fields;

/// <summary>The text checks of <see cref="Utf8EventReader"/>: the host's limits on every name and string, read or skipped.</summary>
internal ref partial struct Utf8EventReader
{
    /// <summary>Reads past the body's object or array, within the body's depth and value limits.</summary>
    private bool SkipBody(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        var leaves = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (reader.CurrentDepth - depth >= FieldLimits.MaxBodyDepth)
                    {
                        return false;
                    }

                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    if (reader.CurrentDepth == depth)
                    {
                        return true;
                    }

                    break;
                case JsonTokenType.PropertyName:
                    if (!CheckName(ref reader))
                    {
                        return false;
                    }

                    break;
                default:
                    if (++leaves > FieldLimits.MaxBodyLeaves || (reader.TokenType == JsonTokenType.String && !CheckText(ref reader)))
                    {
                        return false;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>Reads past a value the event ignores, checking its text as the host's limits require.</summary>
    private bool Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return reader.TokenType != JsonTokenType.String || CheckText(ref reader);
        }

        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndObject or JsonTokenType.EndArray when reader.CurrentDepth == depth:
                    return true;
                case JsonTokenType.PropertyName when !CheckName(ref reader):
                    return false;
                case JsonTokenType.String when !CheckText(ref reader):
                    return false;
            }
        }

        return false;
    }

    private bool CheckName(ref Utf8JsonReader reader) => ++_properties <= _limits.MaxProperties && CheckText(ref reader);

    /// <summary>True when the string or name under the reader is valid text no longer than the host's limit.</summary>
    private readonly bool CheckText(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            // Throws for a lone surrogate escape; the caller declines.
            return reader.GetString()!.Length <= _limits.MaxStringLength;
        }

        var span = reader.ValueSpan;
        return Utf8.IsValid(span) && (span.Length <= _limits.MaxStringLength || Encoding.UTF8.GetCharCount(span) <= _limits.MaxStringLength);
    }
}
