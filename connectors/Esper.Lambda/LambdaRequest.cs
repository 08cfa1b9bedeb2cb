using Esper.Client;

namespace Esper.Lambda;

/// <summary>What the guard reads from an event: the runtime event, the payload version, the proof and whether a browser asked.</summary>
internal sealed record LambdaRequest(EsperEvent Event, bool Version2, string? Proof, bool Browser, string Url);
