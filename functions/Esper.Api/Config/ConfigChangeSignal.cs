namespace Esper.Api.Config;

/// <summary>Tells this process's caches that a tenant's config changed here (other processes notice through the version item).</summary>
internal sealed class ConfigChangeSignal
{
    public event Action<string>? Changed;

    public void Raise(string tenantId) => Changed?.Invoke(tenantId);
}
