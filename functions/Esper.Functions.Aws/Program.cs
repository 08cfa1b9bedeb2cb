using System.Runtime.InteropServices;
using Esper.Api.Http;
using Esper.Functions.Aws.Runtime;

namespace Esper.Functions.Aws;

/// <summary>Entry point of the custom runtime's "bootstrap" executable.</summary>
internal static class Program
{
    public static async Task<int> Main()
    {
        var address = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrWhiteSpace(address))
        {
            await Console.Error.WriteLineAsync("AWS_LAMBDA_RUNTIME_API is not set: this executable runs inside AWS Lambda's custom runtime.").ConfigureAwait(false);
            return 2;
        }

        using var client = new RuntimeApiClient(address);
        using var shutdown = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            shutdown.Cancel();
        });

        if (!HandlerComposition.TryCreate(Environment.GetEnvironmentVariables(), out var handler, out var error))
        {
            await Console.Error.WriteLineAsync($"init failed: {error}").ConfigureAwait(false);
            await client.PostInitErrorAsync(new RuntimeError { ErrorType = "Esper.InitFailed", ErrorMessage = error! }, CancellationToken.None)
                .ConfigureAwait(false);
            return 1;
        }

        await new RuntimeLoop(client, new HttpEventFunction(handler!), TimeProvider.System).RunAsync(shutdown.Token).ConfigureAwait(false);
        (handler as IDisposable)?.Dispose();
        return 0;
    }
}
