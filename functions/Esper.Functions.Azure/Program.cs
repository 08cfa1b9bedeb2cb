using Esper.Functions.Azure.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Esper.Functions.Azure;

/// <summary>Entry point of the isolated worker.</summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddSingleton<FunctionDispatcher>();
        HandlerRegistration.Add(builder.Services, builder.Configuration);
        builder.Build().Run();
    }
}
