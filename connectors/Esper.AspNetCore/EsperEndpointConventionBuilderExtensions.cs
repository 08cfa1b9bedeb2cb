using Esper.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Per-endpoint Esper settings for minimal APIs, route groups and controllers' conventions.</summary>
public static class EsperEndpointConventionBuilderExtensions
{
    /// <summary>Always checks these endpoints with Esper, whatever the path filters and <c>RequireOptIn</c> say.</summary>
    public static TBuilder RequireEsper<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequireEsperAttribute());

    /// <summary>Never checks these endpoints with Esper.</summary>
    public static TBuilder SkipEsper<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new SkipEsperAttribute());

    /// <summary>Sends fixed <c>fields</c> with every request to these endpoints (<c>.WithEsperFields(("area", "checkout"))</c>).</summary>
    public static TBuilder WithEsperFields<TBuilder>(this TBuilder builder, params (string Name, string Value)[] fields)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(fields);
        return builder.WithMetadata(fields.Select(static f => (object)new EsperFieldAttribute(f.Name, f.Value)).ToArray());
    }
}
