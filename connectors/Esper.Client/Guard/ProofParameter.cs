namespace Esper.Client.Guard;

/// <summary>The <c>esper_challenge_proof</c> query parameter a solved challenge returns with, and the pass cookie it buys.</summary>
public static class ProofParameter
{
    /// <summary>The query parameter's name.</summary>
    public const string Name = "esper_challenge_proof";

    /// <summary>The pass cookie's name; Esper reads it from the forwarded cookies.</summary>
    public const string PassCookieName = "esper_challenge";

    /// <summary>The header clients without cookies carry the pass in.</summary>
    public const string PassHeaderName = "x-esper-challenge-pass";

    /// <summary>The URL without any <c>esper_challenge_proof</c> parameter (other parameters keep their order).</summary>
    public static string Remove(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? url[hash..] : "";
        var rest = hash >= 0 ? url[..hash] : url;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return url;
        }

        var kept = rest[(question + 1)..].Split('&').Where(static p => p.Length > 0 && !IsProof(p));
        var query = string.Join('&', kept);
        return rest[..question] + (query.Length > 0 ? "?" + query : "") + fragment;
    }

    private static bool IsProof(string pair)
    {
        var name = pair.Split('=', 2)[0];
        return string.Equals(Uri.UnescapeDataString(name), Name, StringComparison.Ordinal);
    }
}
