namespace Esper.Cli.Infrastructure;

/// <summary>Checks an API base URL: absolute http or https.</summary>
internal static class ApiBaseUrl
{
    public static bool IsValid(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
