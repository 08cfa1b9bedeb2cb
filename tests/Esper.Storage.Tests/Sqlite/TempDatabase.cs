namespace Esper.Storage.Tests.Sqlite;

/// <summary>A database path in a fresh temporary directory, removed with everything in it on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "esper-sqlite-tests", Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(_directory, "esper.db");

    public string Directory => _directory;

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
