using System.Runtime.InteropServices;
using Esper.Lambda;
using LambdaSample;

// The custom runtime gives the function its Runtime API address; outside Lambda there is nothing to serve.
var address = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (string.IsNullOrWhiteSpace(address))
{
    await Console.Error.WriteLineAsync("AWS_LAMBDA_RUNTIME_API is not set: this executable runs inside AWS Lambda's custom runtime.");
    return 2;
}

using var runtime = new RuntimeApi(address);
using var shutdown = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    shutdown.Cancel();
});

// One guard per function instance (outside the handler): its connections and remembered penalties outlive an event.
// ESPER_API_URL and ESPER_API_KEY come from the function's environment (see template.yaml).
EsperLambdaGuard esper;
try
{
    esper = EsperLambdaGuard.Create(options =>
    {
        // Optional: the decision's time budget (default 1 s, 400 ms per attempt), e.g. for a slow first deployment.
        if (int.TryParse(Environment.GetEnvironmentVariable("ESPER_TIMEOUT_MS"), out var timeoutMs) && timeoutMs > 0)
        {
            options.DecisionTimeout = TimeSpan.FromMilliseconds(timeoutMs);
            options.AttemptTimeout = TimeSpan.FromMilliseconds(timeoutMs / 2.5);
        }
    });
}
catch (InvalidOperationException ex)
{
    await runtime.PostInitErrorAsync(ex.Message, shutdown.Token);
    return 1;
}

await using (esper)
{
    var function = new Function(esper);
    await runtime.RunAsync(function.HandleAsync, shutdown.Token);
}

return 0;
