namespace Esper.AspNetCore;

/// <summary>Never checks this controller or action with Esper.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class SkipEsperAttribute : Attribute, IEsperEndpointMetadata
{
    /// <inheritdoc />
    public bool Check => false;
}
