namespace Esper.Api.Json;

/// <summary>The answer to a beacon post: events accepted, of which <see cref="Duplicates"/> repeated an idempotency key already seen.</summary>
internal sealed record BeaconAcceptedView(int Accepted, int Duplicates);
