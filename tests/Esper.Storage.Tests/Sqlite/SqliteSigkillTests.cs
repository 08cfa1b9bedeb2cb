using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Esper.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// A real child process writes to the embedded store under load (checkpoints running behind) and is SIGKILLed
/// mid-load: every write it acknowledged must be in the file when it is opened again.
/// </summary>
public sealed class SqliteSigkillTests : IDisposable
{
    private const int Acknowledgements = 3000;

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_process_killed_mid_load_loses_no_acknowledged_write()
    {
        var lines = new ConcurrentQueue<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var child = Start())
        {
            child.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    lines.Enqueue(line);
                    if (lines.Count >= Acknowledgements)
                    {
                        enough.TrySetResult();
                    }
                }
            };
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();
            var exited = child.WaitForExitAsync();
            if (await Task.WhenAny(enough.Task, exited, Task.Delay(TimeSpan.FromMinutes(3))) != enough.Task)
            {
                child.Kill();
                Assert.Fail($"The writer did not acknowledge {Acknowledgements} writes (exited: {child.HasExited}); it printed {lines.Count} lines.");
            }

            child.Kill();
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }

        var puts = new Dictionary<string, string>(StringComparer.Ordinal);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines.Where(static l => l != "ready"))
        {
            var parts = line.Split(' ');
            if (parts[0] == "P")
            {
                puts[parts[1]] = parts[2];
            }
            else
            {
                totals[parts[1]] = Math.Max(totals.GetValueOrDefault(parts[1]), long.Parse(parts[2], CultureInfo.InvariantCulture));
            }
        }

        Assert.True(puts.Count >= Acknowledgements / 3);
        using var reopened = new SqliteKeyValueStore(_database.FilePath, TimeProvider.System);
        foreach (var (sortKey, version) in puts)
        {
            Assert.Equal(version, (await reopened.GetAsync(new ItemKey("load#doc", sortKey)))?.Version);
        }

        foreach (var (writer, total) in totals)
        {
            // A write that was logged but not yet acknowledged when the process died may be there too.
            Assert.InRange((await reopened.GetCountersAsync(new ItemKey("load#state", writer)))["n"], total, total + 1);
        }
    }

    private Process Start()
    {
        var dll = RepositoryRoot.Combine("tests", "Esper.Storage.LoadWriter", "bin", RepositoryRoot.Configuration, "net10.0", "Esper.Storage.LoadWriter.dll");
        var info = new ProcessStartInfo("dotnet", [dll, _database.FilePath, "8"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(info) ?? throw new InvalidOperationException("The writer process did not start.");
    }

    public void Dispose() => _database.Dispose();
}
