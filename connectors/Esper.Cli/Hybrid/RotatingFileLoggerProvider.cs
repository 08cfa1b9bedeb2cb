using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Esper.Cli.Hybrid;

/// <summary>
/// Writes the daemon's logs to <c>~/.esper/logs/esper.log</c>, one line per entry; past <c>maxBytes</c> the file is
/// renamed <c>esper.1.log</c> (older ones shift up) and at most <c>keep</c> rotated files stay.
/// </summary>
internal sealed class RotatingFileLoggerProvider(string directory, long maxBytes, int keep, TimeProvider time) : ILoggerProvider
{
    private readonly object _lock = new();
    private StreamWriter? _writer;

    public string CurrentFile => Path.Combine(directory, "esper.log");

    private DateTimeOffset Now => time.GetUtcNow();

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_lock)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            if (_writer is null)
            {
                Directory.CreateDirectory(directory);
                _writer = new StreamWriter(new FileStream(CurrentFile, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
            }

            _writer.WriteLine(line);
            if (_writer.BaseStream.Length >= maxBytes)
            {
                _writer.Dispose();
                _writer = null;
                Rotate();
            }
        }
    }

    private void Rotate()
    {
        File.Delete(Path.Combine(directory, $"esper.{keep}.log"));
        for (var i = keep - 1; i >= 1; i--)
        {
            var from = Path.Combine(directory, $"esper.{i}.log");
            if (File.Exists(from))
            {
                File.Move(from, Path.Combine(directory, $"esper.{i + 1}.log"), overwrite: true);
            }
        }

        File.Move(CurrentFile, Path.Combine(directory, "esper.1.log"), overwrite: true);
    }

    private sealed class FileLogger(RotatingFileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = string.Create(CultureInfo.InvariantCulture, $"{provider.Now:O} {logLevel} {category}[{eventId.Id}] {formatter(state, exception)}");
            provider.Write(exception is null ? line : line + " " + exception.GetType().Name + ": " + exception.Message);
        }
    }
}
