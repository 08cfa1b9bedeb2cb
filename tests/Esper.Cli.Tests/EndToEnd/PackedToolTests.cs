using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Esper.Testing;

namespace Esper.Cli.Tests.EndToEnd;

/// <summary>
/// The packed and installed <c>esper</c> tool against a real Esper host on the embedded store: the GitOps path from
/// an empty workspace to a blocking policy, its results, and a rollback.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class PackedToolTests(InstalledTool tool) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esper-cli-e2e-run", Guid.NewGuid().ToString("n"));

    private string Home => Path.Combine(_root, "home");

    [Fact]
    public async Task Init_templates_apply_dir_block_results_and_rollback_through_the_installed_tool()
    {
        Directory.CreateDirectory(Path.Combine(_root, "host"));
        using var host = await EsperHostProcess.StartAsync(Path.Combine(_root, "host"));
        var set = Path.Combine(_root, "set");

        var init = await tool.RunAsync(Home, "init", "--api-base", host.Url, "--api-key", EsperHostProcess.AdminKey, "--tenant-id", "default");
        Assert.True(init.ExitCode == 0, init.Error);
        Assert.DoesNotContain(EsperHostProcess.AdminKey, await File.ReadAllTextAsync(Path.Combine(Home, "config.yaml")), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Home, "credentials.xml")));
        }

        var whoami = await tool.RunAsync(Home, "auth", "whoami", "--output", "json");
        Assert.True(whoami.ExitCode == 0, whoami.Error);
        Assert.Equal("admin", whoami.Json["scope"]!.GetValue<string>());
        Assert.Equal("default", whoami.Json["tenant_id"]!.GetValue<string>());
        Assert.DoesNotContain(EsperHostProcess.AdminKey, whoami.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await tool.RunAsync(Home, "templates", "generate", "--dir", set)).ExitCode);

        var dryRun = await tool.RunAsync(Home, "policy", "apply", "--dir", set, "--dry-run", "--output", "json");
        Assert.True(dryRun.ExitCode == 0, dryRun.Error);
        Assert.Equal(4, dryRun.Json["summary"]!["create"]!.GetValue<int>());
        Assert.Empty((await tool.RunAsync(Home, "policy", "list", "-o", "json")).Json.AsArray());

        var apply = await tool.RunAsync(Home, "policy", "apply", "--dir", set);
        Assert.True(apply.ExitCode == 0, apply.Error);
        Assert.Contains("[4/4] created policy login-burst", apply.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", apply.Output, StringComparison.Ordinal);

        var again = await tool.RunAsync(Home, "policy", "apply", "--dir", set, "-o", "json");
        Assert.Equal(4, again.Json["summary"]!["unchanged"]!.GetValue<int>());

        var actions = await DecideSixLoginsAsync(host);
        Assert.Equal(["allow", "allow", "allow", "allow", "allow", "block"], actions);

        var results = await tool.RunAsync(Home, "results", "policies", "--output", "json");
        Assert.True(results.ExitCode == 0, results.Error);
        var burst = results.Json.AsArray().Single(r => r!["policy_id"]!.GetValue<string>() == "login-burst")!;
        Assert.Equal(1, burst["block"]!.GetValue<long>());
        Assert.NotNull(burst["last_matched_at"]);

        // Rollback: export, change, restore.
        var backup = Path.Combine(_root, "policy-backup.json");
        var show = await tool.RunAsync(Home, "policy", "show", "login-burst", "--output", "json");
        await File.WriteAllTextAsync(backup, show.Output);
        var changed = JsonNode.Parse(show.Output)!;
        changed["clauses"]![0]!["window"]!["threshold"] = 100;
        var changedFile = Path.Combine(_root, "policy-new.json");
        await File.WriteAllTextAsync(changedFile, changed.ToJsonString());
        Assert.Equal(0, (await tool.RunAsync(Home, "policy", "update", "--file", changedFile)).ExitCode);
        Assert.Equal(100, Threshold((await tool.RunAsync(Home, "policy", "show", "login-burst", "-o", "json")).Json));

        var restore = await tool.RunAsync(Home, "policy", "apply", "--file", backup, "-o", "json");
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Equal("update", restore.Json["plan"]![0]!["action"]!.GetValue<string>());
        Assert.Equal(5, Threshold((await tool.RunAsync(Home, "policy", "show", "login-burst", "-o", "json")).Json));
        var unchanged = await tool.RunAsync(Home, "policy", "apply", "--file", backup, "-o", "json");
        Assert.Equal("unchanged", unchanged.Json["plan"]![0]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_errors_exit_2_and_an_unreachable_esper_exits_3()
    {
        Directory.CreateDirectory(Path.Combine(_root, "host"));
        using var host = await EsperHostProcess.StartAsync(Path.Combine(_root, "host"));
        await tool.RunAsync(Home, "init", "--api-base", host.Url, "--api-key", EsperHostProcess.AdminKey);

        var missingReference = await tool.RunAsync(Home, "policy", "create", "--name", "Bad", "--field", "request_path", "--value", "/x", "--mitigation", "nope");
        var wrongKey = await tool.RunAsync(Home, "policy", "list", "--profile", "other");
        await tool.RunAsync(Home, "profile", "add", "other", "--api-base", host.Url, "--api-key", "esk_default_" + new string('0', 48));
        var unauthorised = await tool.RunAsync(Home, "policy", "list", "--profile", "other");
        var unreachable = await tool.RunAsync(Home, "policy", "list", "--api-base", $"http://127.0.0.1:{LoopbackPort.Free()}");

        Assert.Equal(2, missingReference.ExitCode);
        Assert.Contains("clauses[0].mitigation_id", missingReference.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Equal(2, unauthorised.ExitCode);
        Assert.Contains("Esper answered 401", unauthorised.Error, StringComparison.Ordinal);
        Assert.Equal(3, unreachable.ExitCode);
        Assert.Contains("Cannot reach Esper", unreachable.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_create_list_and_revoke_whoami_tells_a_runtime_key_from_an_admin_key_and_a_runtime_key_gets_403_on_config()
    {
        Directory.CreateDirectory(Path.Combine(_root, "host"));
        using var host = await EsperHostProcess.StartAsync(Path.Combine(_root, "host"));
        await tool.RunAsync(Home, "init", "--api-base", host.Url, "--api-key", EsperHostProcess.AdminKey);

        var created = await tool.RunAsync(Home, "keys", "create", "--name", "web app", "--scope", "runtime", "-o", "json");
        var secret = created.Json["secret"]!.GetValue<string>();
        var id = created.Json["id"]!.GetValue<string>();
        var listed = await tool.RunAsync(Home, "keys", "list", "-o", "json");
        await tool.RunAsync(Home, "profile", "add", "web", "--api-base", host.Url, "--api-key", secret);
        var whoami = await tool.RunAsync(Home, "auth", "whoami", "--profile", "web", "-o", "json");
        var forbidden = await tool.RunAsync(Home, "policy", "list", "--profile", "web");
        var revoke = await tool.RunAsync(Home, "keys", "revoke", id);
        var afterRevoke = await tool.RunAsync(Home, "auth", "whoami", "--profile", "web");

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.StartsWith("esk_default_", secret, StringComparison.Ordinal);
        Assert.Contains(listed.Json.AsArray(), k => k!["id"]!.GetValue<string>() == id && k["secret"] is null);
        Assert.Equal("runtime", whoami.Json["scope"]!.GetValue<string>());
        Assert.Equal(2, forbidden.ExitCode);
        Assert.Contains("Esper answered 403", forbidden.Error, StringComparison.Ordinal);
        Assert.Contains("an admin key is needed", forbidden.Error, StringComparison.Ordinal);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Equal(2, afterRevoke.ExitCode);
        Assert.Contains("Esper answered 401", afterRevoke.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static int Threshold(JsonNode policy) => policy["clauses"]![0]!["window"]!["threshold"]!.GetValue<int>();

    private static async Task<List<string>> DecideSixLoginsAsync(EsperHostProcess host)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Add("x-esper-api-key", EsperHostProcess.AdminKey);
        var actions = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.PostAsJsonAsync(new Uri("/api/v1/runtime/mitigation", UriKind.Relative),
                new JsonObject { ["request"] = new JsonObject { ["method"] = "POST", ["path"] = "/login", ["client_ip"] = "203.0.113.10", ["user_agent"] = "Mozilla/5.0" } });
            response.EnsureSuccessStatusCode();
            var decision = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            actions.Add(decision["action"]!.GetValue<string>());
        }

        return actions;
    }
}
