using System.Text.Json;
using Esper.Core.Fields;

namespace Esper.Core.Tests.Fields;

internal static class EventJson
{
    public static ParseResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return RequestEncoder.Parse(document.RootElement);
    }

    public static EncodedRequest Encode(string json)
    {
        var result = Parse(json);
        Assert.True(result.Succeeded, $"{result.ErrorField}: {result.ErrorMessage}");
        return RequestEncoder.Encode(result.Value!);
    }

    public static string? Text(this EncodedRequest request, string field) =>
        request.TryGetText(field, out var value) ? value : null;
}
