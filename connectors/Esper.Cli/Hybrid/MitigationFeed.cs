using System.Globalization;
using System.Text.Json.Nodes;

namespace Esper.Cli.Hybrid;

/// <summary>
/// Reads origin's active-mitigations feed page by page from the last cursor. Feed items are written just after their
/// decision, so the next read steps back one minute to catch one written late (an item may come twice; applying it
/// again is harmless). Used by the daemon's sync round and by <c>esper capture run</c>.
/// </summary>
internal sealed class MitigationFeed(OriginClient origin)
{
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);
    private string? _cursor;

    /// <summary>The items since the last read, oldest first.</summary>
    public async Task<List<JsonNode>> ReadAsync(CancellationToken cancellationToken)
    {
        var items = new List<JsonNode>();
        var since = _cursor;
        while (true)
        {
            var page = await origin.GetActiveMitigationsAsync(since, cancellationToken).ConfigureAwait(false);
            items.AddRange((page["items"]?.AsArray() ?? []).OfType<JsonNode>());
            since = page["next_cursor"]?.GetValue<string>();
            if (page["has_more"]?.GetValue<bool>() != true)
            {
                break;
            }
        }

        if (since is not null)
        {
            // The cursor's sort key starts with 13 digits of milliseconds: step back by the overlap.
            var millis = long.Parse(since.AsSpan(0, 13), CultureInfo.InvariantCulture) - (long)Overlap.TotalMilliseconds;
            _cursor = Math.Max(0, millis).ToString("D13", CultureInfo.InvariantCulture);
        }

        return items;
    }
}
