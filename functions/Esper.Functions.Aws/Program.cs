using System.Runtime.InteropServices;
using Esper.Functions.Aws.Composition;
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

        var app = await InitAsync(client, shutdown.Token).ConfigureAwait(false);
        if (app is null)
        {
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            var function = new HttpEventFunction(app.Handler);
            await new RuntimeLoop(client, function, app.Recordings, app.Time).RunAsync(shutdown.Token).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Reads the settings and builds the handler; any failure is posted as the runtime's init error.</summary>
    private static async Task<FunctionApp?> InitAsync(RuntimeApiClient client, CancellationToken cancellationToken)
    {
        string error;
        if (FunctionSettings.Read(Environment.GetEnvironmentVariable, out var settingsErrors) is { } settings)
        {
            try
            {
                return await FunctionApp.StartAsync(settings, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
            }
        }
        else
        {
            error = string.Join("; ", settingsErrors);
        }

        await Console.Error.WriteLineAsync($"init failed: {error}").ConfigureAwait(false);
        await client.PostInitErrorAsync(new RuntimeError { ErrorType = "Esper.InitFailed", ErrorMessage = error }, CancellationToken.None).ConfigureAwait(false);
        return null;
    }
}
