using System.Globalization;
using System.Text;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary>How the canonical text form prints strings and field names.</summary>
internal static class CelText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if",
        "import", "let", "loop", "package", "namespace", "return", "var", "void", "while",
    };

    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiLetter(text[0]) || text[0] == '_') || Reserved.Contains(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A field as the text form writes it: <c>request.headers["user-agent"]</c>, <c>request.body.user.email</c>.</summary>
    public static string Field(FieldReference field)
    {
        var key = field.Key;
        if (key.Length == 0)
        {
            return field.Name;
        }

        var root = field.Name[..(field.Name.Length - key.Length - 1)];
        var builder = new StringBuilder(root);
        var segments = field.Kind == FieldKind.Body ? key.Split('.') : [key];
        foreach (var segment in segments)
        {
            if (IsIdentifier(segment))
            {
                builder.Append('.').Append(segment);
            }
            else
            {
                builder.Append('[').Append(Quote(segment)).Append(']');
            }
        }

        return builder.ToString();
    }
}
