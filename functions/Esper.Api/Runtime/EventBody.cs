using System.Text.Json;
using Esper.Api.Http;
using Esper.Core.Fields;

namespace Esper.Api.Runtime;

/// <summary>Parses runtime and beacon events, naming the offending field (prefixed with the event's index in a batch).</summary>
internal static class EventBody
{
    public static RuntimeEvent? Parse(JsonElement element, string prefix, out ApiResponse? problem)
    {
        var parsed = RequestEncoder.Parse(element);
        if (parsed.Succeeded)
        {
            problem = null;
            return parsed.Value;
        }

        var field = parsed.ErrorField is null or "$" ? (prefix.Length == 0 ? "$" : prefix.TrimEnd('.')) : prefix + parsed.ErrorField;
        problem = Problems.Validation(field, parsed.ErrorMessage ?? "is not valid");
        return null;
    }
}
