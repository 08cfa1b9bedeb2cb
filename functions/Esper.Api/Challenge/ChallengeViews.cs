namespace Esper.Api.Challenge;

/// <summary>The answer of a successful proof verification.</summary>
/// <param name="Valid">Always true (failures are problem+json).</param>
/// <param name="Pass">The pass token: the cookie value, or the <c>x-esper-challenge-pass</c> header value.</param>
/// <param name="ExpiresAt">When the pass expires.</param>
/// <param name="MaxAge">Seconds until then (the cookie's Max-Age).</param>
/// <param name="Cookie">The cookie a connector should set.</param>
/// <param name="SetCookie">The same cookie as a ready Set-Cookie header value.</param>
/// <param name="Header">The request header that may carry the pass instead of the cookie.</param>
internal sealed record ProofVerifiedView(bool Valid, string Pass, DateTimeOffset ExpiresAt, long MaxAge, PassCookieView Cookie, string SetCookie, string Header);

/// <summary>Attributes of the pass cookie.</summary>
internal sealed record PassCookieView(string Name, string Value, long MaxAge, string Path, bool Secure, bool HttpOnly, string SameSite);

/// <summary>One green/red line of the challenge status check.</summary>
internal sealed record ChallengeCheckView(bool Ok, string Detail);

/// <summary>The runtime side of the status check.</summary>
internal sealed record ChallengeRuntimeView(ChallengeCheckView PublicUrl, ChallengeCheckView SigningKeys, ChallengeCheckView ProofOfWork, ChallengeCheckView Turnstile);

/// <summary>The status of one enabled challenge mitigation.</summary>
internal sealed record ChallengeMitigationView(string Id, string Name, string Provider, bool Ok, IReadOnlyList<string> AllowedOrigins, IReadOnlyList<string> Reasons);

/// <summary>The answer of <c>GET /api/v1/challenge/status</c>.</summary>
internal sealed record ChallengeStatusView(bool Ok, ChallengeRuntimeView Runtime, IReadOnlyList<ChallengeMitigationView> Mitigations, IReadOnlyList<string> Reasons);
