using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Esper.Api.Tests.Support;

/// <summary>
/// Keeps every entry logged through it. Written here because Microsoft.Extensions.Diagnostics.Testing's FakeLogger,
/// the library for this, pulls a newer Microsoft.Extensions.DependencyInjection than the one the solution pins.
/// </summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}
