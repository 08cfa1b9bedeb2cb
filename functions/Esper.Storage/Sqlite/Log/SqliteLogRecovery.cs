using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// Opening a database replays the log segments a store left behind (it was killed, or its last checkpoint failed):
/// every intact frame of every segment, oldest first, into SQLite in one transaction, then the segments are deleted.
/// Frames hold states, or a counter item's changed counters as their new values, so replaying one SQLite already has
/// (a crash between a checkpoint's COMMIT and its delete) leaves, after the frames that follow it, what the store
/// answered; a torn or damaged frame ends its segment's replay, since its writers were never answered.
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
            var counters = new Dictionary<ItemKey, SqliteCounterState>();
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
                        Replay(session, counters, key, item);
                        applied++;
                    }
                }

                // Each counter item's row once, as its last frame left it.
                foreach (var (key, state) in counters)
                {
                    SqliteCounterWriter.Write(session, key, state);
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

    // A counter item's state is built in memory across the frames (a frame of changes goes on top of the item's state
    // before it: the replay's so far, else what SQLite holds); documents go to SQLite as they come.
    private static void Replay(SqliteSession session, Dictionary<ItemKey, SqliteCounterState> counters, ItemKey key, SqliteLoggedItem item)
    {
        switch (item.Kind)
        {
            case SqliteLoggedItemKind.Counters:
                counters[key] = item.Counters!;
                break;
            case SqliteLoggedItemKind.CounterChanges:
                var before = counters.TryGetValue(key, out var replayed) ? replayed : SqliteCounterCache.Load(session, key);
                counters[key] = SqliteCounterMath.WithChanges(before, item.Counters!);
                break;
            default:
                SqliteLogApply.Apply(session, key, item);
                break;
        }
    }
}
