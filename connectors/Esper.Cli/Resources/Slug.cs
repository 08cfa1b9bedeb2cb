using System.Text;

namespace Esper.Cli.Resources;

/// <summary>File names for local data: <c>"Login Actor"</c> becomes <c>login-actor</c>.</summary>
internal static class Slug
{
    public static string From(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "unnamed" : slug.Length > 64 ? slug[..64].TrimEnd('-') : slug;
    }
}
