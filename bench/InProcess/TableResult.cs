using System.Text.Encodings.Web;
using System.Text.Json;

namespace Esper.Bench.InProcess;

/// <summary>
/// One measurement's raw figures in the table shape the report renders: title, command, columns, rows, notes and
/// the target checks. Written with <see cref="Utf8JsonWriter"/> (no reflection).
/// </summary>
internal sealed class TableResult(string title, string command, params string[] columns)
{
    private readonly List<object?[]> _rows = [];
    private readonly List<string> _notes = [];
    private readonly List<(string Measurement, string Figure, string Target, bool? Met)> _checks = [];

    public string? Description { get; set; }

    public void Row(params object?[] cells) => _rows.Add(cells);

    public void Note(string note) => _notes.Add(note);

    public void Check(string measurement, string figure, string target, bool? met) => _checks.Add((measurement, figure, target, met));

    public async Task WriteAsync(string path)
    {
        await using var stream = File.Create(path);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("title", title);
        json.WriteString("command", command);
        if (Description is not null)
        {
            json.WriteString("description", Description);
        }

        json.WriteStartArray("columns");
        foreach (var c in columns)
        {
            json.WriteStringValue(c);
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var row in _rows)
        {
            json.WriteStartArray();
            foreach (var cell in row)
            {
                WriteCell(json, cell);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (var n in _notes)
        {
            json.WriteStringValue(n);
        }

        json.WriteEndArray();
        json.WriteStartArray("checks");
        foreach (var (measurement, figure, target, met) in _checks)
        {
            json.WriteStartObject();
            json.WriteString("measurement", measurement);
            json.WriteString("figure", figure);
            json.WriteString("target", target);
            if (met is { } m)
            {
                json.WriteBoolean("met", m);
            }
            else
            {
                json.WriteNull("met");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter json, object? cell)
    {
        switch (cell)
        {
            case null:
                json.WriteNullValue();
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(Math.Round(d, 3));
                break;
            case double:
                json.WriteNullValue();
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            default:
                json.WriteStringValue(Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
