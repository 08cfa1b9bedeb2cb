using System.Globalization;
using System.Text;

namespace Esper.Core.Tests.Fuzz;

/// <summary>Random JSON built from the tree form's and the event shape's own vocabulary, so most cases get past the first check.</summary>
internal static class RandomJson
{
    private static readonly string[] Keys =
        ["and", "or", "not", "field", "op", "value", "request", "method", "path", "client_ip", "ip", "headers", "body", "fields", "query_params", "cookies", "observed_at", "x"];

    private static readonly string[] Strings =
        ["eq", "ne", "gt", "lt", "in", "in_cidr", "matches", "exists", "contains", "starts_with", "request.path", "client_ip", "fields.count",
         "body->a->b", "10.0.0.0/8", "^(a+)+$", "(?<=x)", "", "\u0000", "2026-03-26T12:00:00Z", "::1", "POST", "/login"];

    public static string Build(Random random, int depth)
    {
        var text = new StringBuilder();
        Value(random, depth, text);
        return text.ToString();
    }

    private static void Value(Random random, int depth, StringBuilder text)
    {
        switch (depth <= 0 ? random.Next(4) : random.Next(7))
        {
            case 0:
                text.Append('"').Append(Strings[random.Next(Strings.Length)].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\u0000", "\\u0000", StringComparison.Ordinal)).Append('"');
                break;
            case 1:
                text.Append(random.Next(5) switch
                {
                    0 => "1e308",
                    1 => "-0",
                    2 => "123456789012345678901234567890",
                    _ => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
                });
                break;
            case 2:
                text.Append(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" });
                break;
            case 3:
                text.Append("{}");
                break;
            case 4:
            case 5:
                text.Append('{');
                var count = random.Next(1, 4);
                for (var i = 0; i < count; i++)
                {
                    text.Append(i > 0 ? "," : "").Append('"').Append(Keys[random.Next(Keys.Length)]).Append("\":");
                    Value(random, depth - 1, text);
                }

                text.Append('}');
                break;
            default:
                text.Append('[');
                var items = random.Next(0, 4);
                for (var i = 0; i < items; i++)
                {
                    text.Append(i > 0 ? "," : "");
                    Value(random, depth - 1, text);
                }

                text.Append(']');
                break;
        }
    }
}
