namespace Esper.Api.Config;

/// <summary>Store versions as HTTP entity tags.</summary>
internal static class ETags
{
    public static string Format(string version) => $"\"{version}\"";

    /// <summary>The version an If-Match header asks for; "*" matches any live version; null when absent.</summary>
    public static string? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Trim('"');
    }
}
