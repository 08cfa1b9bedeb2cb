using Azure.Data.Tables;

namespace Esper.Storage.AzureTables;

/// <summary>Creates the table on first use when <see cref="AzureTablesStoreOptions.CreateTableIfMissing"/> allows it; otherwise does nothing.</summary>
internal sealed class TableInitializer(TableClient client, bool createIfMissing)
{
    private readonly Lock gate = new();
    private Task? pending;

    public Task EnsureAsync()
    {
        if (!createIfMissing)
        {
            return Task.CompletedTask;
        }

        lock (gate)
        {
            // A failed attempt is not cached: the next call tries again.
            if (pending is null || pending.IsFaulted || pending.IsCanceled)
            {
                pending = client.CreateIfNotExistsAsync();
            }

            return pending;
        }
    }
}
