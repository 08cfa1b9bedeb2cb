namespace Esper.Core.Resources;

/// <summary>How a challenged visitor proves itself.</summary>
public sealed class ChallengeOptions
{
    /// <summary>One of <see cref="ChallengeProviders"/>: <c>proof_of_work</c> or <c>turnstile</c>. Default <c>proof_of_work</c>.</summary>
    public string Provider { get; set; } = ChallengeProviders.ProofOfWork;

    /// <summary>Optional default return URL template (absolute http(s) URL or a path starting with '/'), at most 2048 characters.</summary>
    public string? ReturnUrlTemplate { get; set; }

    /// <summary>
    /// Origins (<c>https://shop.example</c>) a challenged visitor may be sent back to, besides the origin of an absolute
    /// <see cref="ReturnUrlTemplate"/>. Any other return URL is refused (no open redirect). Default empty.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
