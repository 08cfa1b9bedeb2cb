using Esper.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the Esper middleware (pair with <c>builder.Services.AddEsper()</c>).</summary>
public static class EsperApplicationBuilderExtensions
{
    /// <summary>
    /// Checks each request in scope with Esper and applies allow, challenge or block. Place it after
    /// <c>UseForwardedHeaders()</c> (client IP and scheme behind a proxy) and after routing when endpoint metadata
    /// (<c>.RequireEsper()</c>, <c>.SkipEsper()</c>, <c>.WithEsperFields(...)</c>) should apply.
    /// </summary>
    public static IApplicationBuilder UseEsper(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService<EsperOptionsSetup>() is null)
        {
            throw new InvalidOperationException("Esper's services are missing: call builder.Services.AddEsper() before app.UseEsper().");
        }

        // Resolved when the pipeline is built (app start), after options validation can name a missing setting.
        return app.Use(next => new EsperMiddleware(next, app.ApplicationServices.GetRequiredService<EsperRequestGate>()).InvokeAsync);
    }
}
