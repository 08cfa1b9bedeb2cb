using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Esper.Client;
using Esper.Connectors.Testing;

namespace Esper.Lambda.Tests.Sample;

/// <summary>
/// The sample function (connectors/samples/lambda) run as Lambda's custom runtime runs it: its own process, told
/// where the Runtime API is, fed API Gateway events, checking them with a real Esper host.
/// </summary>
public sealed class LambdaSampleTests(EsperHostFixture esper) : IClassFixture<EsperHostFixture>
{
    [Fact]
    public async Task The_sample_function_answers_five_logins_and_returns_Esper_s_403_for_the_sixth()
    {
        await Policies.LoginBurstAsync(esper.Admin, "login", "/login");
        var key = await esper.Admin.CreateApiKeyAsync(new ApiKeyCreate("lambda-sample", "runtime"));
        using var runtime = new FakeRuntimeApi();
        using var function = StartFunction(runtime.Address, new()
        {
            ["ESPER_API_URL"] = esper.BaseAddress.ToString(),
            ["ESPER_API_KEY"] = key.Secret!,
            // A generous budget: the tests share a loaded machine; failure timing has its own tests.
            ["ESPER_TIMEOUT_MS"] = "15000",
        });
        try
        {
            var statuses = new List<int>();
            string last = "";
            for (var i = 0; i < 6; i++)
            {
                last = await runtime.InvokeAsync(Events.HttpApiV2("POST", "/login", "", "198.51.100.30", "sample-client", "application/json"));
                using var response = JsonDocument.Parse(last);
                statuses.Add(response.RootElement.GetProperty("statusCode").GetInt32());
                if (i == 0)
                {
                    Assert.Equal("Hello from /login.", response.RootElement.GetProperty("body").GetString());
                }
            }

            Assert.Equal([200, 200, 200, 200, 200, 403], statuses);
            Assert.Contains("urn:esper:problem:blocked", last, StringComparison.Ordinal);
        }
        finally
        {
            function.Kill(entireProcessTree: true);
            await function.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Without_an_API_key_the_sample_reports_an_init_error_naming_the_setting()
    {
        using var runtime = new FakeRuntimeApi();
        using var function = StartFunction(runtime.Address, new() { ["ESPER_API_URL"] = esper.BaseAddress.ToString(), ["ESPER_API_KEY"] = "" });
        var error = await runtime.InitError.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await function.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("ESPER_API_KEY", error, StringComparison.Ordinal);
        Assert.Equal(1, function.ExitCode);
    }

    private static Process StartFunction(string runtimeApi, Dictionary<string, string> environment)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(EsperHostProcess.RepositoryRoot(), "connectors", "samples", "lambda", "bin", configuration, "net10.0", "bootstrap.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment.Remove("ESPER_API_URL");
        start.Environment.Remove("ESPER_API_KEY");
        start.Environment.Remove("ESPER_TIMEOUT_MS");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
