using System.Text;
using System.Text.Json;

namespace Esper.Bench.Report;

/// <summary>
/// Renders a table-shaped raw file written by the in-process bench:
/// <c>{ "title", "command", "description", "columns": [], "rows": [[]], "notes": [], "checks": [{ "measurement", "figure", "target", "met" }] }</c>.
/// </summary>
internal static class TableSection
{
    public static void Write(string path, StringBuilder md, List<Check> checks)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var e = doc.RootElement;
        md.AppendLine($"## {Text(e, "title")}\n");
        if (e.TryGetProperty("description", out var description))
        {
            md.AppendLine($"{description.GetString()}\n");
        }

        if (e.TryGetProperty("columns", out var columns) && e.TryGetProperty("rows", out var rows))
        {
            var names = columns.EnumerateArray().Select(c => c.GetString() ?? "").ToList();
            md.AppendLine("| " + string.Join(" | ", names) + " |");
            md.AppendLine("|" + string.Concat(names.Select(_ => "---|")));
            foreach (var row in rows.EnumerateArray())
            {
                md.AppendLine("| " + string.Join(" | ", row.EnumerateArray().Select(Cell)) + " |");
            }

            md.AppendLine();
        }

        if (e.TryGetProperty("notes", out var notes))
        {
            foreach (var note in notes.EnumerateArray())
            {
                md.AppendLine($"- {note.GetString()}");
            }

            md.AppendLine();
        }

        if (e.TryGetProperty("command", out var command))
        {
            md.AppendLine($"Command: `{command.GetString()}` · raw: [`raw/{Path.GetFileName(path)}`](raw/{Path.GetFileName(path)})\n");
        }

        if (e.TryGetProperty("checks", out var list))
        {
            foreach (var c in list.EnumerateArray())
            {
                bool? met = c.TryGetProperty("met", out var m) && m.ValueKind is JsonValueKind.True or JsonValueKind.False ? m.GetBoolean() : null;
                checks.Add(new Check(Text(c, "measurement"), Text(c, "figure"), Text(c, "target"), met));
            }
        }
    }

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ToString() : "";

    private static string Cell(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null => "–",
        JsonValueKind.String => cell.GetString() ?? "",
        _ => cell.GetRawText(),
    };
}
