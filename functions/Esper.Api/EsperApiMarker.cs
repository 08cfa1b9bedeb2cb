namespace Esper.Api;

/// <summary>Registered by <c>AddEsperApi</c>, so a second call knows the handlers are there already.</summary>
internal sealed class EsperApiMarker;
