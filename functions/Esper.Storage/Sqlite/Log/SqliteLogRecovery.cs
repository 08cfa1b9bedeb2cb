namespace Esper.Storage.Sqlite;

/// <summary>
/// Opening a database replays the log segments a store left behind (it was killed, or its last checkpoint failed):
/// every intact frame of every segment, oldest first, into SQLite in one transaction, then the segments are deleted.
/// Frames hold states, so replaying one SQLite already has (a crash between a checkpoint's COMMIT and its delete)
/// changes nothing; a torn or damaged frame ends its segment's replay, since its writers were never answered.
/// </summary>
internal static class SqliteLogRecovery
{
    /// <summary>Replays and deletes the segments of <paramref name="databasePath"/>; returns how many item states were applied.</summary>
    public static int Replay(SqliteSessionPool pool, string databasePath)
    {
        if (SqliteLogSegments.Existing(databasePath).Count == 0)
        {
            return 0;
        }

        var session = pool.Rent();
        session.InCheckpoint = true;
        try
        {
            session.Command(SqliteStatement.BeginImmediate).ExecuteNonQuery();
            var applied = 0;
            IReadOnlyList<string> segments;
            try
            {
                // Listed under the write lock, so a store sharing the file cannot replay the same segments beside this one.
                segments = SqliteLogSegments.Existing(databasePath);
                foreach (var segment in segments)
                {
                    byte[] bytes;
                    try
                    {
                        bytes = File.ReadAllBytes(segment);
                    }
                    catch (FileNotFoundException)
                    {
                        continue;
                    }

                    foreach (var (key, item) in SqliteLogFrame.Read(bytes))
                    {
                        SqliteLogApply.Apply(session, key, item);
                        applied++;
                    }
                }

                session.Command(SqliteStatement.Commit).ExecuteNonQuery();
            }
            catch
            {
                session.RollbackQuietly();
                throw;
            }

            foreach (var segment in segments)
            {
                File.Delete(segment);
            }

            return applied;
        }
        finally
        {
            session.InCheckpoint = false;
            pool.Return(session);
        }
    }
}
