namespace Esper.Api.Json;

/// <summary>The answer to a beacon post: how many events were accepted.</summary>
internal sealed record BeaconAcceptedView(int Accepted);
