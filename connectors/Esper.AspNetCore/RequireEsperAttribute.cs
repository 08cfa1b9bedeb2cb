namespace Esper.AspNetCore;

/// <summary>Checks this controller or action with Esper even when path filters or <c>RequireOptIn</c> would not.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequireEsperAttribute : Attribute, IEsperEndpointMetadata
{
    /// <inheritdoc />
    public bool Check => true;
}
