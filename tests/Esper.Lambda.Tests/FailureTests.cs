using System.Text.Json;
using Esper.Client;
using Esper.Client.Guard;
using Esper.Connectors.Testing;

namespace Esper.Lambda.Tests;

public sealed class FailureTests
{
    [Fact]
    public async Task Without_Esper_events_fail_open_by_default_and_get_a_503_when_failing_closed()
    {
        var nowhere = new Uri($"http://127.0.0.1:{EsperHostProcess.FreePort()}");
        // Generous timeouts: a refused connection fails at once, and a loaded machine must not turn it into a timeout.
        await using var open = EsperLambdaGuard.Create(o => { o.ApiUrl = nowhere; o.ApiKey = "esk_default_x"; o.AttemptTimeout = TimeSpan.FromSeconds(5); o.DecisionTimeout = TimeSpan.FromSeconds(15); });
        await using var closed = EsperLambdaGuard.Create(o => { o.ApiUrl = nowhere; o.ApiKey = "esk_default_x"; o.AttemptTimeout = TimeSpan.FromSeconds(5); o.DecisionTimeout = TimeSpan.FromSeconds(15); o.FailureMode = EsperFailureMode.FailClosed; });

        var passed = await open.CheckAsync(Events.FunctionUrl("GET", "/", "198.51.100.4", "ua"));
        var refused = await closed.CheckAsync(Events.FunctionUrl("GET", "/", "198.51.100.4", "ua"));

        Assert.True(passed.Continue);
        Assert.Equal(EsperUnavailableReason.Unreachable, passed.Verdict.Failure);
        Assert.False(refused.Continue);
        using var response = JsonDocument.Parse(refused.ResponseJson!);
        Assert.Equal(503, response.RootElement.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public void A_missing_url_is_refused_at_creation_naming_the_variable()
    {
        var saved = Environment.GetEnvironmentVariable(EsperClientOptions.ApiUrlVariable);
        try
        {
            Environment.SetEnvironmentVariable(EsperClientOptions.ApiUrlVariable, null);
            var ex = Assert.Throws<InvalidOperationException>(() => EsperLambdaGuard.Create(o => o.ApiKey = "k"));
            Assert.Contains("ESPER_API_URL", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(EsperClientOptions.ApiUrlVariable, saved);
        }
    }
}
