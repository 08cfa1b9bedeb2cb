using System.Reflection;
using Esper.Cli.Api;
using Esper.Cli.Commands;
using Esper.Cli.Commands.Auth;
using Esper.Cli.Commands.Hybrid;
using Esper.Cli.Commands.Keys;
using Esper.Cli.Commands.Resources;
using Esper.Cli.Commands.Results;
using Esper.Cli.Commands.Templates;
using Esper.Cli.Commands.Workspace;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Esper.Cli;

/// <summary>The <c>esper</c> command tree: every command, its help text and the exit-code mapping.</summary>
internal static class CliApp
{
    public static CommandApp Create(CliEnvironment environment, IEsperApiFactory apiFactory)
    {
        var services = new ServiceCollection();
        services.AddSingleton(environment);
        services.AddSingleton(apiFactory);
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config => Configure(config, environment));
        return app;
    }

    /// <summary>The package version (<c>esper --version</c>), without the build's source revision.</summary>
    public static string Version { get; } = (typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    public static Task<int> RunAsync(CliEnvironment environment, IEsperApiFactory apiFactory, string[] args) =>
        Create(environment, apiFactory).RunAsync(ArgumentOrder.Normalize(args));

    public static void Configure(IConfigurator config, CliEnvironment environment)
    {
        config.SetApplicationName("esper");
        config.SetApplicationVersion(Version);
        config.ConfigureConsole(environment.Output);
        config.SetExceptionHandler((exception, _) => ErrorReporter.Report(exception, environment.Error));
        config.UseStrictParsing();

        config.AddCommand<InitCommand>("init")
            .WithDescription("Create or update the workspace (~/.esper, or $ESPER_HOME): API base, tenant and API key.")
            .WithExample("init", "--api-base", "http://127.0.0.1:8080", "--api-key", "<secret>", "--tenant-id", "default");

        config.AddBranch("profile", profile =>
        {
            profile.SetDescription("Manage workspace profiles (one per environment).");
            profile.AddCommand<ProfileAddCommand>("add").WithDescription("Add or replace a profile.")
                .WithExample("profile", "add", "prod", "--api-base", "https://api.esperr.com", "--tenant-id", "prod-tenant");
            profile.AddCommand<ProfileUseCommand>("use").WithDescription("Make a profile the current one.");
            profile.AddCommand<ProfileListCommand>("list").WithDescription("List profiles; the current one is marked *.");
            profile.AddCommand<ProfileShowCommand>("show").WithDescription("Show a profile's API base, tenant and stored credential kind.");
        });

        config.AddBranch("auth", auth =>
        {
            auth.SetDescription("Operator sign-in and the credential in use.");
            auth.AddCommand<LoginCommand>("login").WithDescription("Store an operator token (a configured API key still takes precedence).");
            auth.AddCommand<WhoamiCommand>("whoami").WithDescription("Show which credential is used, its tenant and scope (never the secret).");
            auth.AddCommand<LogoutCommand>("logout").WithDescription("Remove the profile's stored API key and operator token.");
        });

        config.AddBranch("keys", keys =>
        {
            keys.SetDescription("Manage the tenant's API keys.");
            keys.AddCommand<KeyListCommand>("list").WithDescription("List API keys (never their secrets).");
            keys.AddCommand<KeyCreateCommand>("create").WithDescription("Create an API key; its secret is shown once.")
                .WithExample("keys", "create", "--name", "\"web app\"", "--scope", "runtime");
            keys.AddCommand<KeyRevokeCommand>("revoke").WithDescription("Revoke an API key.");
        });

        AddResource<ActionCreateCommand>(config, ResourceKind.Action, "Actions: business events recognised in traffic (login, checkout).",
            ["action", "create", "--name", "Login", "--expression", "'request.method == \"POST\" && request.path == \"/login\"'"]);
        AddResource<EntityCreateCommand>(config, ResourceKind.Entity, "Entities: which fields identify one actor across requests.",
            ["entity", "create", "--name", "\"Login Actor\"", "--key-field", "client_ip", "--key-field", "user_agent", "--action", "login"]);
        AddResource<MitigationCreateCommand>(config, ResourceKind.Mitigation, "Mitigations: what happens when a clause fires (monitor, challenge, block).",
            ["mitigation", "create", "--template", "block"]);
        AddResource<PolicyCreateCommand>(config, ResourceKind.Policy, "Policies: a scope and clauses that apply mitigations.",
            ["policy", "create", "--name", "\"Login Policy\"", "--field", "request_path", "--operator", "Eq", "--value", "/login", "--action", "login", "--entity", "login-actor", "--mitigation", "block-10m"]);

        config.AddBranch("templates", templates =>
        {
            templates.SetDescription("Bundled starter definitions.");
            templates.AddCommand<TemplateListCommand>("list").WithDescription("List the bundled templates per kind.");
            templates.AddCommand<TemplateShowCommand>("show").WithDescription("Print one template's JSON.")
                .WithExample("templates", "show", "policy", "login-burst");
            templates.AddCommand<GenerateCommand>("generate").WithDescription("Write a starter policy set (one file per kind) for apply --dir.")
                .WithExample("templates", "generate", "--dir", "esper");
        });

        config.AddBranch("results", results =>
        {
            results.SetDescription("How policies performed.");
            results.AddCommand<ResultsCommand>("policies").WithDescription("Per-policy totals, observe/challenge/block, dry run and last match.");
        });

        config.AddCommand<AuditCommand>("audit").WithDescription("Control-plane changes, newest first.");

        // The hybrid commands (sync, run, capture) register here, from their own Esper.Cli.Commands.Hybrid namespace.
        config.AddCommand<SyncCommand>("sync")
            .WithDescription("Pull origin's config (actions, entities, mitigations, policies) into ~/.esper/cache/ and print what changed.")
            .WithExample("sync")
            .WithExample("sync", "policies");
        config.AddCommand<RunCommand>("run")
            .WithDescription("Run the hybrid daemon: decide locally on the synced config, apply origin's active mitigations, forward every event to origin.")
            .WithExample("run", "--listen", "http://127.0.0.1:8787")
            .WithExample("run", "--proxy", "http://127.0.0.1:8080=http://127.0.0.1:3000");
        config.AddBranch("capture", capture =>
        {
            capture.SetDescription("Passive capture of HTTP/1.1 traffic (observes only; enforce with esper run --proxy).");
            capture.AddCommand<CaptureRunCommand>("run")
                .WithDescription("Capture HTTP/1.1 requests with libpcap, reassemble TCP and forward each request to origin's beacon.")
                .WithExample("capture", "run", "--test", "--dry-run")
                .WithExample("capture", "run", "--interface", "eth0", "--filter", "tcp port 80", "--stats");
            capture.AddCommand<CaptureRecordCommand>("record")
                .WithDescription("Record an interface's packets into a PCAP file.")
                .WithExample("capture", "record", "--pcap", "traffic.pcap", "--duration", "10", "--interface", "lo");
            capture.AddCommand<TestServerCommand>("test-server")
                .WithDescription("Serve a plain HTTP test app on 127.0.0.1 (to put behind esper run --proxy, or to capture on lo).")
                .WithExample("capture", "test-server", "--port", "8888");
        });
    }

    private static void AddResource<TCreate>(IConfigurator config, ResourceKind kind, string description, string[] createExample)
        where TCreate : class, ICommandLimiter<CommandSettings>
    {
        config.AddBranch(kind.Singular, branch =>
        {
            branch.SetDescription(description);
            branch.AddCommand<ListCommand>("list").WithData(kind).WithDescription($"List {kind.Plural}.");
            branch.AddCommand<ShowCommand>("show").WithData(kind).WithDescription($"Show one {kind} (--output json prints it exactly, for backups).");
            branch.AddCommand<TCreate>("create").WithData(kind).WithDescription($"Create a {kind} from flags, --template or --file; writes ~/.esper/data/{kind.Plural}/<slug>.json.")
                .WithExample(createExample);
            branch.AddCommand<UpdateCommand>("update").WithData(kind).WithDescription($"Replace the {kind} a file's id names (If-Match).");
            branch.AddCommand<ApplyCommand>("apply").WithData(kind).WithDescription($"Create or update from --file, or a whole policy set from --dir, after printing the plan.")
                .WithExample(kind.Singular, "apply", "--dir", "esper", "--dry-run");
            branch.AddCommand<DeleteCommand>("delete").WithData(kind).WithDescription($"Delete a {kind} (refused while something uses it).");
        });
    }
}
