using System.Text.Json;
using Esper.Client;
using Esper.Client.Guard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Esper.Lambda;

/// <summary>
/// Checks Lambda HTTP events with Esper: <c>var result = await guard.CheckAsync(eventJson);</c> then either run the
/// function (<see cref="EsperLambdaResult.Continue"/>) or return <see cref="EsperLambdaResult.ResponseJson"/>.
/// Create one per function instance (outside the handler) so its HTTP connections and remembered penalties live on.
/// </summary>
public sealed class EsperLambdaGuard : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly EsperGuard _guard;
    private readonly EsperLambdaOptions _options;
    private readonly TimeProvider _time;

    private EsperLambdaGuard(ServiceProvider services, EsperLambdaOptions options)
    {
        _services = services;
        _options = options;
        _time = services.GetRequiredService<TimeProvider>();
        _guard = new EsperGuard(services.GetRequiredService<IEsperClient>(), options, _time, services.GetRequiredService<ILogger<EsperGuard>>());
    }

    /// <summary>
    /// Creates a guard; unset <c>ApiUrl</c>/<c>ApiKey</c> come from <c>ESPER_API_URL</c>/<c>ESPER_API_KEY</c>.
    /// Throws an <see cref="InvalidOperationException"/> at once, naming the setting, when one is missing or invalid.
    /// </summary>
    public static EsperLambdaGuard Create(Action<EsperLambdaOptions>? configure = null, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        var options = new EsperLambdaOptions();
        configure?.Invoke(options);
        var failures = options.Validate().ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", failures));
        }

        var services = new ServiceCollection()
            .AddSingleton(loggerFactory ?? NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
#pragma warning disable RS0030 // A composition root: the system clock unless one is registered.
            .AddSingleton(time ?? TimeProvider.System)
#pragma warning restore RS0030
            .AddEsperClient(o =>
            {
                o.ApiUrl = options.ApiUrl;
                o.ApiKey = options.ApiKey;
                o.AttemptTimeout = options.AttemptTimeout;
                o.DecisionTimeout = options.DecisionTimeout;
            })
            .BuildServiceProvider();
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception ex) when (ex is OptionsValidationException or AggregateException)
        {
            // The start-up validator reports each options type's failures, wrapped in an AggregateException.
            var invalid = ex is AggregateException all
                ? all.Flatten().InnerExceptions.OfType<OptionsValidationException>().SelectMany(static e => e.Failures)
                : ((OptionsValidationException)ex).Failures;
            services.Dispose();
            throw new InvalidOperationException(string.Join(" ", invalid), ex);
        }

        return new EsperLambdaGuard(services, options);
    }

    /// <summary>Checks an event given as JSON text.</summary>
    public Task<EsperLambdaResult> CheckAsync(string eventJson, CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(eventJson);
        return CheckAsync(document.RootElement.Clone(), cancellationToken);
    }

    /// <summary>Checks an event (API Gateway v1, v2 or function URL).</summary>
    public async Task<EsperLambdaResult> CheckAsync(JsonElement lambdaEvent, CancellationToken cancellationToken = default)
    {
        var request = LambdaEventReader.Read(lambdaEvent, _options, _time);
        var verdict = request.Proof is { } proof
            ? await _guard.ExchangeProofAsync(proof, request.Url, cancellationToken).ConfigureAwait(false)
            : await _guard.CheckAsync(request.Event, request.Browser, cancellationToken).ConfigureAwait(false);
        return verdict.Kind == EsperVerdictKind.Continue
            ? new EsperLambdaResult { Continue = true, Verdict = verdict }
            : new EsperLambdaResult { Continue = false, Verdict = verdict, ResponseJson = LambdaResponses.Write(verdict, request.Version2) };
    }

    /// <summary>Releases the HTTP clients.</summary>
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
