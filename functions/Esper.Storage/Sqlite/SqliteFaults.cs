using Esper.Storage.Faults;
using Microsoft.Data.Sqlite;

namespace Esper.Storage.Sqlite;

/// <summary>
/// What the embedded store counts as an outage: the database locked by another connection or process beyond the
/// busy timeout, read-only, full, or failing I/O. Constraint and SQL errors stay defects.
/// </summary>
public static class SqliteFaults
{
    // Primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte.
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Full = 13;
    private const int CantOpen = 14;

    /// <summary>The classifier the host registers with the embedded store.</summary>
    public static StoreFaults Instance { get; } = new("SQLite", static e =>
        e is SqliteException { SqliteErrorCode: var code } && (code & 0xFF) is Busy or Locked or ReadOnly or IoError or Full or CantOpen);
}
