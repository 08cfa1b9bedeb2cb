using System.Text.Json.Nodes;
using Esper.Cli.Resources;
using Spectre.Console;

namespace Esper.Cli.Infrastructure;

/// <summary>Prints a command's result as a table (people) or as JSON (scripts; nothing else goes to standard output).</summary>
internal sealed class Output(CliEnvironment environment, OutputFormat format)
{
    public OutputFormat Format { get; } = format;

    public bool IsJson => Format == OutputFormat.Json;

    /// <summary>Writes indented JSON as is: no wrapping, no colour, one trailing newline.</summary>
    public void Json(JsonNode? node)
    {
        var writer = environment.Output.Profile.Out.Writer;
        writer.Write(node is null ? "null" : ResourceJson.Print(node));
        writer.Write('\n');
        writer.Flush();
    }

    public void Json(IEnumerable<JsonObject> items) => Json(new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]));

    /// <summary>A human line; in JSON mode it goes to standard error so standard output stays parseable.</summary>
    public void Line(string text)
    {
        if (IsJson)
        {
            environment.Error.WriteLine(text);
        }
        else
        {
            environment.Output.Profile.Out.Writer.WriteLine(text);
        }
    }

    public void Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)) { NoWrap = true });
        }

        var count = 0;
        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(cell => new Text(cell ?? "-"))]);
            count++;
        }

        if (count == 0)
        {
            Line("(none)");
            return;
        }

        environment.Output.Write(table);
    }

    public void Error(string message) => environment.Error.WriteLine("error: " + message);
}
