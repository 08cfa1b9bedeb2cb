using System.Globalization;
using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>Checks body depth and leaf count, naming the first place that breaks a limit.</summary>
internal static class BodyShape
{
    public static ParseResult? Check(JsonElement body, string path, ref int leaves)
    {
        var trail = new List<string>();
        var message = Check(body, 0, ref leaves, trail);
        if (message is null)
        {
            return null;
        }

        // The trail was collected while unwinding, innermost segment first.
        trail.Reverse();
        return ParseResult.Fail(trail.Count == 0 ? path : path + "." + string.Join('.', trail), message);
    }

    private static string? Check(JsonElement element, int depth, ref int leaves, List<string> trail)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array when depth >= FieldLimits.MaxBodyDepth:
                return $"request.body is nested deeper than {FieldLimits.MaxBodyDepth} levels.";
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (Check(property.Value, depth + 1, ref leaves, trail) is { } message)
                    {
                        trail.Add(property.Name);
                        return message;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Check(item, depth + 1, ref leaves, trail) is { } message)
                    {
                        trail.Add(index.ToString(CultureInfo.InvariantCulture));
                        return message;
                    }

                    index++;
                }

                return null;
            default:
                return ++leaves > FieldLimits.MaxBodyLeaves ? $"request.body has more than {FieldLimits.MaxBodyLeaves} values." : null;
        }
    }
}
