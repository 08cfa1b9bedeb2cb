namespace Esper.Client;

/// <summary>The body of a proof verification: the proof and, optionally, the URL it arrived on.</summary>
public sealed record ProofVerifyRequest(string Proof, string? Url = null);
