using System.Diagnostics;
using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Faults;

/// <summary>Checks, through the decision lookup endpoint, that decisions are in the results.</summary>
internal static class RecordedDecisions
{
    /// <summary>
    /// The ids among <paramref name="decisionIds"/> that <c>GET /api/v1/decisions/{id}</c> still does not find after
    /// <paramref name="timeout"/>. Asks again for the missing ones while the host recovers journaled decisions (each
    /// lookup lets it sweep its journal), so a test can assert the answer is empty.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> MissingAsync(Uri host, IEnumerable<string> decisionIds, TimeSpan timeout)
    {
        using var client = new EsperClient(new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(60) }, EsperHost.AdminKey);
        var missing = decisionIds.ToHashSet(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            foreach (var id in missing.ToList())
            {
                var found = await client.GetAsync($"/api/v1/decisions/{id}");
                if (found.Status == HttpStatusCode.OK)
                {
                    Assert.Equal(id, found.Str("decision_id"));
                    missing.Remove(id);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.NotFound, found.Status);
                }
            }

            if (missing.Count == 0 || clock.Elapsed > timeout)
            {
                return missing;
            }

            // Journal recovery runs in the background after a lookup; poll the real condition, bounded above.
            await Task.Delay(250);
        }
    }
}
