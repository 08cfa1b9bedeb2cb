using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The item states one group of writes produced, before they are logged. Each write sees the states earlier writes of
/// the group staged, then the layer, then SQLite; a write that throws is undone alone (<see cref="Mark"/>,
/// <see cref="RollbackTo"/>). Used only under the store's write turn, so one instance is reused.
/// </summary>
internal sealed class SqliteLogGroup(SqliteLogLayer layer)
{
    private readonly Dictionary<ItemKey, SqliteLoggedItem> _staged = [];
    private readonly List<(ItemKey Key, SqliteLoggedItem? Previous)> _undo = [];
    private SqliteSession? _session;

    /// <summary>The session for point reads of SQLite, set for the group's run.</summary>
    public SqliteSession Session => _session ?? throw new InvalidOperationException("The group has not begun.");

    /// <summary>The newest state of every item the group wrote.</summary>
    public IReadOnlyCollection<KeyValuePair<ItemKey, SqliteLoggedItem>> Staged => _staged;

    public void Begin(SqliteSession session)
    {
        Clear();
        _session = session;
    }

    public void Clear()
    {
        _staged.Clear();
        _undo.Clear();
        _session = null;
    }

    /// <summary>The version of the live document at <paramref name="key"/>, or null when there is none.</summary>
    public string? LiveVersion(ItemKey key, long now)
    {
        if (_staged.TryGetValue(key, out var item) || layer.TryGet(key, out item))
        {
            return item.IsLiveDocument(now) ? item.Version : null;
        }

        return SqliteDocumentReader.LiveVersion(Session, key, now);
    }

    /// <summary>The state an earlier write of this group staged for <paramref name="key"/>, if any.</summary>
    public bool TryGetStaged(ItemKey key, out SqliteLoggedItem item) => _staged.TryGetValue(key, out item!);

    public void Stage(ItemKey key, SqliteLoggedItem item)
    {
        _undo.Add((key, _staged.TryGetValue(key, out var previous) ? previous : null));
        _staged[key] = item;
    }

    /// <summary>A point to undo to when the next write throws.</summary>
    public int Mark() => _undo.Count;

    public void RollbackTo(int mark)
    {
        for (var i = _undo.Count - 1; i >= mark; i--)
        {
            var (key, previous) = _undo[i];
            if (previous is null)
            {
                _staged.Remove(key);
            }
            else
            {
                _staged[key] = previous;
            }
        }

        _undo.RemoveRange(mark, _undo.Count - mark);
    }
}
