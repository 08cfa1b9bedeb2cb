namespace Esper.Client;

/// <summary>A new key: its name, scope (<c>runtime</c> default, or <c>admin</c>) and trust level (<c>external</c> default).</summary>
public sealed record ApiKeyCreate(string Name, string? Scope = null, string? TrustLevel = null);
