namespace Esper.Client;

/// <summary>The beacon's answer: events accepted, of which <see cref="Duplicates"/> repeated an idempotency key.</summary>
public sealed record BeaconAccepted(int Accepted, int Duplicates);
