using System.Text;
using System.Text.Json;
using Esper.Core.Fields;

namespace Esper.Core.Tests.Fields;

internal static class EventJson
{
    /// <summary>Generous text limits, so that only the event's own rules decide.</summary>
    public static readonly EventTextLimits Limits = new(MaxDepth: 64, MaxStringLength: 1 << 20, MaxProperties: 100_000);

    /// <summary>
    /// Parses the document, and checks on the way that the single-pass reader gives the same event whenever it
    /// reads the body (it declines every body the document parser refuses).
    /// </summary>
    public static ParseResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = RequestEncoder.Parse(document.RootElement);
        if (RequestEncoder.TryRead(Encoding.UTF8.GetBytes(json), Limits, out var read))
        {
            Assert.True(result.Succeeded, $"the reader took a body the parser refuses ({result.ErrorField}): {json}");
            EventComparison.AssertSame(result.Value!, read.Value!);
        }

        return result;
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
