using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Esper.Storage.Repositories;

/// <summary>
/// The document of an answered idempotency item: the answer's JSON kept as it is, as the value of <c>answer</c>
/// (not a string escaped inside another document), so it is read back character for character without parsing.
/// Items written before that layout keep the answer as the escaped string <c>response</c> and still read.
/// </summary>
internal static class IdempotencyDocument
{
    private const string Head = "{\"state\":\"done\",\"status_code\":";
    private const string AnswerProperty = ",\"answer\":";

    /// <summary>The document of an answer; <paramref name="utf8Json"/> must be one JSON value.</summary>
    public static string Done(int statusCode, ReadOnlyMemory<byte> utf8Json)
    {
        var digits = statusCode.ToString(CultureInfo.InvariantCulture);
        var length = Head.Length + digits.Length + AnswerProperty.Length + Encoding.UTF8.GetCharCount(utf8Json.Span) + 1;
        return string.Create(length, (digits, utf8Json), static (chars, state) =>
        {
            Head.CopyTo(chars);
            var at = Head.Length;
            state.digits.CopyTo(chars[at..]);
            at += state.digits.Length;
            AnswerProperty.CopyTo(chars[at..]);
            at += AnswerProperty.Length;
            at += Encoding.UTF8.GetChars(state.utf8Json.Span, chars[at..]);
            chars[at] = '}';
        });
    }

    /// <summary>The record a document holds, in either layout.</summary>
    public static IdempotencyRecord? Read(string document)
    {
        if (document.StartsWith(Head, StringComparison.Ordinal) && document.EndsWith('}'))
        {
            var rest = document.AsSpan(Head.Length, document.Length - Head.Length - 1);
            var comma = rest.IndexOf(',');
            if (comma > 0 && rest[comma..].StartsWith(AnswerProperty, StringComparison.Ordinal)
                && int.TryParse(rest[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out var statusCode))
            {
                return new IdempotencyRecord("done", statusCode, rest[(comma + AnswerProperty.Length)..].ToString());
            }
        }

        return JsonSerializer.Deserialize(document, StorageJsonContext.Default.IdempotencyRecord);
    }
}
