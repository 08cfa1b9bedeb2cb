namespace Esper.Api.Challenge;

/// <summary>The outcome of checking a return URL: the normalized URL and its origin, or why it was refused.</summary>
internal readonly record struct ReturnUrlCheck(Uri? Url, string? Origin, string? Error)
{
    /// <summary>True when the URL may be redirected to.</summary>
    public bool IsAllowed => Error is null;

    /// <summary>An allowed URL.</summary>
    public static ReturnUrlCheck Allowed(Uri url, string origin) => new(url, origin, null);

    /// <summary>A refused URL.</summary>
    public static ReturnUrlCheck Refused(string error) => new(null, null, error);
}
