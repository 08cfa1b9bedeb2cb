namespace Esper.Client;

/// <summary>The mitigation a decision names: id, name and mode.</summary>
public sealed record EsperMitigationRef(string Id, string Name, string Mode);
