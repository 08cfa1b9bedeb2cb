using System.Net.Http.Headers;
using Esper.Api.Operators;
using Esper.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Esper.Host.Tests.Operators;

public sealed class SecretHygieneTests
{
    private const string DevSecret = "dev-secret-for-the-hygiene-test-0123456789";

    [Fact]
    public async Task No_secret_the_test_creates_appears_in_logs_errors_audit_or_openapi()
    {
        var logs = new CapturedLogs();
        using var host = EsperHost.Start(
            settings: new Dictionary<string, string> { ["ESPER_JWT_DEV_SECRET"] = DevSecret, ["Logging:LogLevel:Default"] = "Trace" },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var admin = host.Client();
        using var anonymous = host.Client(key: null);
        var secrets = new List<string> { EsperHost.AdminKey, EsperHost.OperatorToken, DevSecret };
        var answers = new List<string>();

        var tenant = await anonymous.SendAsync(HttpMethod.Post, "/api/v1/tenants", """{"name":"Acme","slug":"acme"}""", configure: Bearer(EsperHost.OperatorToken));
        var acmeKey = tenant.Body.GetProperty("admin_key").GetProperty("secret").GetString()!;
        var runtimeKey = (await admin.PostAsync("/api/v1/api-keys", """{"name":"web","scope":"runtime"}""")).Body.GetProperty("secret").GetString()!;
        secrets.AddRange([acmeKey, runtimeKey]);
        await admin.PostAsync("/api/v1/tenants/default/memberships", """{"user_id":"alice","role":"Viewer"}""");
        var token = DevTokens.Create(DevSecret, "alice", host.Time.GetUtcNow(), TimeSpan.FromMinutes(5));
        var forged = DevTokens.Create("some-other-secret-that-is-long-enough-000", "alice", host.Time.GetUtcNow(), TimeSpan.FromMinutes(5));
        secrets.AddRange([token, forged]);
        const string WrongKey = "esk_default_0000000000000000000000000000000000000000000000ff";
        secrets.Add(WrongKey);

        // Successes and every kind of refusal, each carrying a secret.
        answers.Add((await anonymous.SendAsync(HttpMethod.Get, "/api/v1/policies", null, configure: Operator(token))).Text);
        answers.Add((await anonymous.SendAsync(HttpMethod.Post, "/api/v1/policies", "{}", configure: Operator(token))).Text);
        answers.Add((await anonymous.SendAsync(HttpMethod.Get, "/api/v1/policies", null, configure: Operator(forged))).Text);
        answers.Add((await host.Client(WrongKey).GetAsync("/api/v1/policies")).Text);
        answers.Add((await host.Client(acmeKey).GetAsync("/api/v1/policies")).Text);
        answers.Add((await host.Client(runtimeKey).PostAsync("/api/v1/runtime/mitigation", """{"request":{"path":"/login"}}""")).Text);
        answers.Add((await host.Client(runtimeKey).GetAsync("/api/v1/policies")).Text);
        answers.Add((await anonymous.SendAsync(HttpMethod.Post, "/api/v1/tenants", "{", configure: Bearer(EsperHost.OperatorToken))).Text);
        host.Time.Advance(TimeSpan.FromMinutes(10));
        answers.Add((await anonymous.SendAsync(HttpMethod.Get, "/api/v1/policies", null, configure: Operator(token))).Text);
        answers.Add((await admin.GetAsync("/api/v1/audit")).Text);
        answers.Add((await anonymous.GetAsync("/openapi/v1.json")).Text);

        var logText = logs.Text;
        Assert.NotEmpty(logText);
        Assert.Contains("operator token was rejected", logText, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logText, StringComparison.Ordinal);
            Assert.All(answers, a => Assert.DoesNotContain(secret, a, StringComparison.Ordinal));
        }
    }

    private static Action<HttpRequestMessage> Bearer(string token) => r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

    private static Action<HttpRequestMessage> Operator(string token) => r =>
    {
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        r.Headers.Add("x-esper-tenant", "default");
    };
}
