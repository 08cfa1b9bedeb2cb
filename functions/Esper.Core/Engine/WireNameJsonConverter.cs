using System.Text.Json;
using System.Text.Json.Serialization;

namespace Esper.Core.Engine;

/// <summary>Writes an enum as its wire name and reads it back, with the names kept in the enum's one facts class.</summary>
public abstract class WireNameJsonConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    /// <summary>The wire name of <paramref name="value"/>.</summary>
    protected abstract string Name(T value);

    /// <summary>The value named <paramref name="name"/>, or null when no value has that name.</summary>
    protected abstract T? Parse(string? name);

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString()) ?? throw new JsonException($"'{reader.GetString()}' is not a {typeof(T).Name} value.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Name(value));
    }
}
