using System.Globalization;
using Esper.Api.Http;

namespace Esper.Api.Challenge;

/// <summary>The answers of the proof verification endpoint.</summary>
internal static class ProofResponses
{
    public static ApiResponse Verified(ProofVerifyResult result, ChallengeSettings settings)
    {
        var maxAge = (long)settings.PassLifetime.TotalSeconds;
        var cookie = new PassCookieView(ChallengePassContract.CookieName, result.Pass!, maxAge, "/", Secure: true, HttpOnly: true, SameSite: "Lax");
        var setCookie = string.Create(CultureInfo.InvariantCulture,
            $"{cookie.Name}={cookie.Value}; Max-Age={maxAge}; Path=/; Secure; HttpOnly; SameSite=Lax");
        var view = new ProofVerifiedView(true, result.Pass!, result.PassExpiresAt!.Value, maxAge, cookie, setCookie, ChallengePassContract.HeaderName);
        return JsonResponses.Create(200, view, ChallengeJsonContext.Default.ProofVerifiedView);
    }

    public static ApiResponse Refused(ChallengeTokenFailure failure)
    {
        var (status, code, field, message) = failure switch
        {
            ChallengeTokenFailure.Expired => (400, "proof-expired", "proof", "the proof has expired; the visitor must solve the challenge again"),
            ChallengeTokenFailure.BadSignature => (400, "proof-tampered", "proof", "the proof's signature does not match: it was altered or forged"),
            ChallengeTokenFailure.UnknownKey => (400, "proof-unknown-key", "proof", "the proof was signed with a key this runtime does not hold"),
            ChallengeTokenFailure.WrongKind => (400, "proof-wrong-kind", "proof", "this is a pass, not a proof; send passes with the runtime request"),
            ChallengeTokenFailure.WrongTenant => (400, "proof-wrong-tenant", "proof", "the proof was issued for another tenant"),
            ChallengeTokenFailure.WrongOrigin => (400, "proof-wrong-origin", "url", "the proof was issued for another origin than this URL's"),
            ChallengeTokenFailure.Replayed => (409, "proof-replayed", "proof", "the proof was already exchanged for a pass; proofs are single-use"),
            _ => (400, "proof-malformed", "proof", "not a challenge proof token"),
        };
        return Problems.Create(status, code, "The challenge proof was refused.", $"{field}: {message}", [new FieldError(field, message)]);
    }
}
