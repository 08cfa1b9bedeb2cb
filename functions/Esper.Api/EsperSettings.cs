using System.Globalization;
using Esper.Api.Challenge;
using Esper.Api.Operators;
using Esper.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Api;

/// <summary>
/// Everything a host reads from its environment (docs/api.md lists each setting with its default): the store and its
/// settings, the challenge settings and the shared handlers' settings. One reader for every host, so the ASP.NET
/// Core host, the Lambda function and the Azure Functions app cannot drift apart, and every refused setting is
/// reported at once.
/// </summary>
public sealed class EsperSettings
{
    /// <summary><c>ESPER_STORE</c>: the store the host runs on (lower case); the host's first store when unset.</summary>
    public required string Store { get; init; }

    /// <summary><c>ESPER_OPERATOR_TOKEN</c>: bearer token for tenant management; null turns it off.</summary>
    public string? OperatorToken { get; init; }

    /// <summary><c>ESPER_BOOTSTRAP_ADMIN_KEY</c>: the default tenant's admin key on first start; null makes a fresh one.</summary>
    public string? BootstrapAdminKey { get; init; }

    /// <summary><c>ESPER_RATE_LIMIT_PER_MINUTE</c>: requests per API key per minute; 0 disables. Default 1200.</summary>
    public int RateLimitPerMinute { get; init; } = 1200;

    /// <summary><c>ESPER_CONFIG_CHECK_SECONDS</c>: how long a process trusts its compiled config. Default 0.</summary>
    public int ConfigCheckSeconds { get; init; }

    /// <summary>
    /// <c>ESPER_JOURNAL_GRACE_SECONDS</c>: how old a journal entry must be before another process writes its
    /// decision's records (<see cref="EsperApiOptions.JournalGrace"/>). Default 60.
    /// </summary>
    public int JournalGraceSeconds { get; init; } = 60;

    /// <summary><c>ESPER_JOURNAL_SWEEP_SECONDS</c>: how often a process looks for orphaned journal entries (<see cref="EsperApiOptions.JournalSweepInterval"/>). Default 30.</summary>
    public int JournalSweepSeconds { get; init; } = 30;

    /// <summary>
    /// <c>ESPER_RECORDING</c> (<c>before_answer</c> or <c>after_answer</c>). Unset: <c>before_answer</c> on the embedded
    /// SQLite store, whose writes cost microseconds, and <c>after_answer</c> on a cloud store, where every sequential
    /// round trip costs milliseconds on each decision.
    /// </summary>
    public RecordingMode Recording { get; init; }

    /// <summary>The managed challenge's settings (<c>ESPER_PUBLIC_URL</c>, <c>ESPER_CHALLENGE_*</c>, <c>ESPER_TURNSTILE_*</c>, <c>ESPER_POW_DIFFICULTY</c>).</summary>
    public ChallengeSettings Challenge { get; init; } = new();

    /// <summary>Operator sign-in (<c>ESPER_JWT_*</c>, docs/operators.md); off unless a key, a JWKS URL or the development secret is set.</summary>
    public OperatorAuthOptions OperatorAuth { get; init; } = new();

    /// <summary>Registers the chosen store with the settings it read.</summary>
    internal Action<IServiceCollection> RegisterStore { get; init; } = static _ => { };

    /// <summary>
    /// Reads every setting through <paramref name="environment"/>. <paramref name="stores"/> are the stores this host
    /// can run on, the default first. Returns the settings and no errors, or null and one message per refused
    /// setting (naming it) so the host can stop with all of them.
    /// </summary>
    public static EsperSettings? Read(Func<string, string?> environment, IReadOnlyList<StoreChoice> stores, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(stores);
        if (stores.Count == 0)
        {
            throw new ArgumentException("A host runs on at least one store.", nameof(stores));
        }

        var problems = new List<string>();
        var store = Text(environment, "ESPER_STORE")?.ToLowerInvariant() ?? stores[0].Name;
        var register = ReadStore(environment, stores, store, problems);
        var rateLimit = WholeNumber(environment, "ESPER_RATE_LIMIT_PER_MINUTE", 1200, "requests (0 disables the limit)", problems);
        var configCheck = WholeNumber(environment, "ESPER_CONFIG_CHECK_SECONDS", 0, "seconds", problems);
        var journalGrace = WholeNumber(environment, "ESPER_JOURNAL_GRACE_SECONDS", 60, "seconds", problems);
        var journalSweep = WholeNumber(environment, "ESPER_JOURNAL_SWEEP_SECONDS", 30, "seconds", problems);
        if (journalGrace < 1 || journalSweep < 1)
        {
            problems.Add("ESPER_JOURNAL_GRACE_SECONDS and ESPER_JOURNAL_SWEEP_SECONDS must be at least 1.");
        }

        var recording = ParseRecording(Text(environment, "ESPER_RECORDING"), store, problems);
        var challenge = ChallengeSettingsReader.Read(environment, out var challengeErrors);
        problems.AddRange(challengeErrors);
        var operatorAuth = ReadOperatorAuth(environment, problems);

        errors = problems;
        return problems.Count > 0 ? null : new EsperSettings
        {
            Store = store,
            OperatorToken = Text(environment, "ESPER_OPERATOR_TOKEN"),
            BootstrapAdminKey = Text(environment, "ESPER_BOOTSTRAP_ADMIN_KEY"),
            RateLimitPerMinute = rateLimit,
            ConfigCheckSeconds = configCheck,
            JournalGraceSeconds = journalGrace,
            JournalSweepSeconds = journalSweep,
            Recording = recording,
            Challenge = challenge!,
            OperatorAuth = operatorAuth,
            RegisterStore = register!,
        };
    }

    /// <summary>Copies the settings the shared handlers use onto their options.</summary>
    public void ApplyTo(EsperApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.OperatorToken = OperatorToken;
        options.RateLimitPerMinute = RateLimitPerMinute;
        options.ConfigCheckInterval = TimeSpan.FromSeconds(ConfigCheckSeconds);
        options.Recording = Recording;
        options.JournalGrace = TimeSpan.FromSeconds(JournalGraceSeconds);
        options.JournalSweepInterval = TimeSpan.FromSeconds(JournalSweepSeconds);
        options.OperatorAuth = OperatorAuth;
    }

    private static OperatorAuthOptions ReadOperatorAuth(Func<string, string?> environment, List<string> problems)
    {
        var jwks = Text(environment, "ESPER_JWT_JWKS_URL");
        Uri? jwksUrl = null;
        if (jwks is not null && !Uri.TryCreate(jwks, UriKind.Absolute, out jwksUrl))
        {
            problems.Add($"ESPER_JWT_JWKS_URL must be an absolute URL, not '{jwks}'.");
        }

        var auth = new OperatorAuthOptions
        {
            Issuer = Text(environment, "ESPER_JWT_ISSUER"),
            Audience = Text(environment, "ESPER_JWT_AUDIENCE"),
            SigningKey = Text(environment, "ESPER_JWT_SIGNING_KEY"),
            JwksUrl = jwksUrl,
            ClockSkew = TimeSpan.FromSeconds(WholeNumber(environment, "ESPER_JWT_CLOCK_SKEW_SECONDS", 60, "seconds", problems)),
            DevSecret = Text(environment, "ESPER_JWT_DEV_SECRET"),
        };
        problems.AddRange(auth.Validate());
        return auth;
    }

    private static Action<IServiceCollection>? ReadStore(Func<string, string?> environment, IReadOnlyList<StoreChoice> stores, string store, List<string> problems)
    {
        var choice = stores.FirstOrDefault(s => s.Name == store);
        if (choice is null)
        {
            problems.Add($"ESPER_STORE '{store}' is not available in this host: it supports {string.Join(", ", stores.Select(static s => s.Name))}.");
            return null;
        }

        var storeErrors = new List<string>();
        var register = choice.Read(environment, storeErrors);
        problems.AddRange(storeErrors.Select(e => $"ESPER_STORE={store}: {e}"));
        return register;
    }

    private static RecordingMode ParseRecording(string? setting, string store, List<string> problems)
    {
        switch (setting?.ToLowerInvariant())
        {
            case null:
                return store == "sqlite" ? RecordingMode.BeforeAnswer : RecordingMode.AfterAnswer;
            case "before_answer":
                return RecordingMode.BeforeAnswer;
            case "after_answer":
                return RecordingMode.AfterAnswer;
            default:
                problems.Add($"ESPER_RECORDING must be 'before_answer' or 'after_answer', not '{setting}'.");
                return default;
        }
    }

    private static string? Text(Func<string, string?> environment, string name) =>
        environment(name)?.Trim() is { Length: > 0 } value ? value : null;

    private static int WholeNumber(Func<string, string?> environment, string name, int fallback, string unit, List<string> problems)
    {
        var text = Text(environment, name);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"{name} must be a whole number of {unit}, not '{text}'.");
        return fallback;
    }
}
