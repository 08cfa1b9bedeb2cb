using Azure;
using Esper.Storage.Faults;

namespace Esper.Storage.AzureTables;

/// <summary>
/// What the Azure Tables store counts as an outage: no answer at all (status 0: the connection failed or the
/// attempt timed out), throttling (429) and 5xx answers, and the network failures and timeouts every store counts.
/// A refused request (other 4xx: a missing table, a bad key, access denied) stays a defect.
/// </summary>
public static class AzureTablesFaults
{
    /// <summary>The classifier the host registers with the Azure Tables store.</summary>
    public static StoreFaults Instance { get; } = new("Azure Tables", static e =>
        e is RequestFailedException { Status: 0 or 429 or >= 500 });
}
