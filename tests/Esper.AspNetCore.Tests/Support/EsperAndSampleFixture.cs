using Esper.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Connectors.Testing;

/// <summary>
/// One real Esper host (embedded store, easy proof of work, no ESPER_PUBLIC_URL: the local defaults apply) with a
/// login-burst policy on /login and a challenge policy on /account, and the Heroku sample app in front of it.
/// </summary>
public sealed class EsperAndSampleFixture : IAsyncLifetime
{
    private ServiceProvider? _admin;

    internal EsperHostProcess Esper { get; private set; } = null!;

    internal SampleApp App { get; private set; } = null!;

    public IEsperClient Admin => _admin!.GetRequiredService<IEsperClient>();

    public async Task InitializeAsync()
    {
        Esper = await EsperHostProcess.StartAsync(new Dictionary<string, string> { ["ESPER_POW_DIFFICULTY"] = "4" });
        _admin = new ServiceCollection().AddEsperClient(o =>
        {
            o.ApiUrl = Esper.BaseAddress;
            o.ApiKey = EsperHostProcess.AdminKey;
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.DecisionTimeout = TimeSpan.FromSeconds(15);
        }).BuildServiceProvider();
        await Policies.LoginBurstAsync(Admin, "login", "/login");
        await Policies.ChallengeAsync(Admin, "account", "/account");
        var key = await Admin.CreateApiKeyAsync(new ApiKeyCreate("sample", "runtime"));
        // Generous timeouts: the tests share a loaded machine; failure timing has its own tests.
        App = SampleApp.Start(Esper.BaseAddress, key.Secret!, new Dictionary<string, string>
        {
            ["Esper:AttemptTimeout"] = "5000",
            ["Esper:DecisionTimeout"] = "00:00:15",
        });
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        Esper.Dispose();
    }
}
