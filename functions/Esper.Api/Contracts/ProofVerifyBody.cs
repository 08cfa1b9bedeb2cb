namespace Esper.Api.Contracts;

/// <summary>The body of <c>POST /api/v1/challenge/proof/verify</c>: the proof and, optionally, the URL it was returned to.</summary>
internal sealed record ProofVerifyBody(string Proof, string? Url);
