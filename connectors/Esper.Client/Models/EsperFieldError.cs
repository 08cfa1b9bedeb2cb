namespace Esper.Client;

/// <summary>One field's error in a problem.</summary>
public sealed record EsperFieldError(string Field, string Message);
