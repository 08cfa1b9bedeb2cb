using Esper.AspNetCore;
using Esper.AspNetCore.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds the Esper worker middleware to an Azure Functions isolated worker (pair with <c>services.AddEsper()</c>).</summary>
public static class EsperFunctionsWorkerApplicationBuilderExtensions
{
    /// <summary>
    /// Checks each HTTP-triggered invocation with Esper and applies allow, challenge or block before the function
    /// runs. Needs the ASP.NET Core integration (<c>ConfigureFunctionsWebApplication()</c>), which gives the
    /// invocation its <c>HttpContext</c>; invocations without one (other triggers) are not checked.
    /// </summary>
    public static IFunctionsWorkerApplicationBuilder UseEsper(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(static next =>
        {
            EsperFunctionsMiddleware? middleware = null;
            return context =>
            {
                // Resolved at the first invocation: AddEsper() may be called after UseEsper() in the worker's Program.
                middleware ??= Create(context.InstanceServices);
                return middleware.Invoke(context, next);
            };
        });
    }

    private static EsperFunctionsMiddleware Create(IServiceProvider services) =>
        services.GetService<EsperRequestGate>() is { } gate
            ? new EsperFunctionsMiddleware(gate)
            : throw new InvalidOperationException("Esper's services are missing: call services.AddEsper() (builder.Services.AddEsper()) in the worker's Program before running functions with UseEsper().");
}
