using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Esper.Core.Tests.Expressions;

/// <summary>Seeded random expressions and requests over a small vocabulary, so that matches are frequent.</summary>
internal sealed class ExpressionGenerator(Random random)
{
    private static readonly GeneratedField[] Fields =
    [
        new("request.method", ["request.method", "http_method"], ["request.method", "http_method"], ["GET", "POST", "PUT"], false, false),
        new("request.path", ["request.path", "request_path"], ["request.path", "request_path"], ["/", "/login", "/login/step", "/api/v1", "/a\"b"], false, false),
        new("client_ip", ["client_ip"], ["client_ip"], ["10.0.0.1", "10.200.3.4", "192.168.1.5", "2001:db8::1", "203.0.113.7"], false, true),
        new("user_agent", ["user_agent"], ["user_agent", "request.user_agent"], ["Mozilla/5.0", "GPTBot/1.0", "curl/8.0", "Mozilla/5.0 ClaudeBot"], false, false),
        new("request.headers.x-api-key", ["request.headers[\"x-api-key\"]", "request.headers[\"X-Api-Key\"]", "request_header_x_api_key"], ["request.headers.x-api-key", "request_header_x_api_key"], ["k1", "k2", ""], false, false),
        new("request.query.page", ["request.query.page", "request.query[\"page\"]"], ["request.query.page", "request.query_params.page"], ["1", "3", "10", "abc"], true, false),
        new("fields.count", ["fields.count"], ["fields.count"], ["0", "3", "7", "7.5", "-2", "x"], true, false),
        new("request.body.user.email", ["request.body.user.email", "request.body[\"user\"].email"], ["request.body.user.email", "body->user->email"], ["a@example.com", "b@example.org"], false, false),
    ];

    private static readonly string[] Networks = ["10.0.0.0/8", "10.0.0.0/24", "192.168.0.0/16", "2001:db8::/32", "203.0.113.7"];

    private static readonly string[] Patterns = ["^/login", "bot", "(?i)gpt", "^[0-9]+$", "example\\.com$", "a|b"];

    public GeneratedNode Node(int depth)
    {
        if (depth > 0 && random.Next(3) == 0)
        {
            var kind = random.Next(3) switch { 0 => "and", 1 => "or", _ => "not" };
            var count = kind == "not" ? 1 : random.Next(1, 4);
            return new GeneratedNode(kind, Enumerable.Range(0, count).Select(_ => Node(depth - 1)).ToList());
        }

        return Leaf();
    }

    public Dictionary<string, string> Request()
    {
        var request = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (random.Next(5) != 0)
            {
                request[field.Canonical] = Pick(field.Samples);
            }
        }

        return request;
    }

    public string Text(GeneratedNode node)
    {
        switch (node.Kind)
        {
            case "and" or "or":
                var separator = node.Kind == "and" ? " && " : " || ";
                return "(" + string.Join(separator, node.Children.Select(Text)) + ")";
            case "not":
                return "!(" + Text(node.Children[0]) + ")";
        }

        var field = Pick(node.Field!.TextSpellings);
        var value = node.Values!;
        return node.Kind switch
        {
            "exists" => $"has({field})",
            "contains" => $"{field}.contains({Literal(value[0])})",
            "starts_with" => $"{field}.startsWith({Literal(value[0])})",
            "ends_with" => $"{field}.endsWith({Literal(value[0])})",
            "matches" => $"{field}.matches({Literal(value[0])})",
            "in" => $"{field} in [{string.Join(", ", value.Select(Literal))}]",
            "in_cidr" => value.Count == 1 && random.Next(2) == 0
                ? $"{field}.inCidr({Literal(value[0])})"
                : $"{field}.inCidr([{string.Join(", ", value.Select(Literal))}])",
            _ when random.Next(2) == 0 => $"{Literal(value[0])} {Mirror(node.Kind)} {field}",
            _ => $"{field} {Symbol(node.Kind)} {Literal(value[0])}",
        };
    }

    public string Tree(GeneratedNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteTree(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void WriteTree(Utf8JsonWriter writer, GeneratedNode node)
    {
        writer.WriteStartObject();
        switch (node.Kind)
        {
            case "and" or "or":
                writer.WriteStartArray(node.Kind);
                foreach (var child in node.Children)
                {
                    WriteTree(writer, child);
                }

                writer.WriteEndArray();
                break;
            case "not":
                writer.WritePropertyName("not");
                WriteTree(writer, node.Children[0]);
                break;
            default:
                writer.WriteString("field", Pick(node.Field!.TreeSpellings));
                writer.WriteString("op", node.Kind);
                if (node.Kind == "in" || (node.Kind == "in_cidr" && (node.Values!.Count > 1 || random.Next(2) == 0)))
                {
                    writer.WriteStartArray("value");
                    foreach (var value in node.Values!)
                    {
                        WriteValue(writer, value);
                    }

                    writer.WriteEndArray();
                }
                else if (node.Kind != "exists")
                {
                    writer.WritePropertyName("value");
                    WriteValue(writer, node.Values![0]);
                }

                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        if (value is double number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue((string)value);
        }
    }

    private GeneratedNode Leaf()
    {
        var field = Pick(Fields);
        var ops = new List<string> { "eq", "ne", "lt", "le", "gt", "ge", "contains", "starts_with", "ends_with", "matches", "in", "exists" };
        if (field.Ip)
        {
            ops.Add("in_cidr");
            ops.Add("in_cidr");
        }

        var op = Pick(ops);
        object Sample() => field.Numeric && random.Next(2) == 0 ? (object)(double)random.Next(-3, 12) : Pick(field.Samples);
        IReadOnlyList<object> values = op switch
        {
            "exists" => [],
            "in" when field.Numeric && random.Next(2) == 0 => Enumerable.Range(0, random.Next(1, 4)).Select(_ => (object)(double)random.Next(0, 11)).ToList(),
            "in" => Enumerable.Range(0, random.Next(1, 4)).Select(_ => (object)Pick(field.Samples)).ToList(),
            "in_cidr" => Enumerable.Range(0, random.Next(1, 3)).Select(_ => (object)Pick(Networks)).ToList(),
            "matches" => [Pick(Patterns)],
            "contains" or "starts_with" or "ends_with" => [Substring(Pick(field.Samples))],
            _ when !field.Numeric => [Pick(field.Samples)],
            _ => [Sample()],
        };

        return new GeneratedNode(op, [], field, values);
    }

    private string Substring(string sample)
    {
        var start = random.Next(sample.Length + 1);
        return sample[start..random.Next(start, sample.Length + 1)];
    }

    private static string Literal(object value) => value is double number
        ? number.ToString(CultureInfo.InvariantCulture)
        : "\"" + ((string)value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Symbol(string op) => op switch
    {
        "eq" => "==", "ne" => "!=", "lt" => "<", "le" => "<=", "gt" => ">", _ => ">=",
    };

    private static string Mirror(string op) => op switch
    {
        "lt" => ">", "le" => ">=", "gt" => "<", "ge" => "<=", _ => Symbol(op),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
