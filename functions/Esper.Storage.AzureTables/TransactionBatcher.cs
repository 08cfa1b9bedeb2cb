using Azure.Data.Tables;

namespace Esper.Storage.AzureTables;

/// <summary>
/// Splits unconditional writes into entity-group transactions: one partition per transaction, at most 100
/// entities and well under the 4 MiB payload limit each, a few transactions in parallel.
/// </summary>
internal static class TransactionBatcher
{
    /// <summary>Azure's limit of operations per entity-group transaction.</summary>
    public const int MaxEntitiesPerTransaction = 100;

    /// <summary>Payload budget per transaction in UTF-16 characters (×2 bytes plus overhead stays under 4 MiB).</summary>
    private const int MaxCharactersPerTransaction = 1_500_000;

    private const int ParallelTransactions = 4;

    public static async Task WriteAsync(TableClient client, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        // A transaction may not name an entity twice; the last write of a key is the one that must stick.
        var latest = new Dictionary<(string, string), TableEntity>();
        foreach (var entity in entities)
        {
            latest[(entity.PartitionKey, entity.RowKey)] = entity;
        }

        var transactions = latest.Values.GroupBy(entity => entity.PartitionKey, StringComparer.Ordinal).SelectMany(Split);
        await Parallel.ForEachAsync(
            transactions,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = cancellationToken },
            async (actions, token) => await client.SubmitTransactionAsync(actions, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    internal static IEnumerable<List<TableTransactionAction>> Split(IEnumerable<TableEntity> partition)
    {
        var current = new List<TableTransactionAction>();
        long characters = 0;
        foreach (var entity in partition)
        {
            long size = entity.Sum(pair => pair.Value is string text ? text.Length : 16) + entity.RowKey.Length;
            if (current.Count == MaxEntitiesPerTransaction || (current.Count > 0 && characters + size > MaxCharactersPerTransaction))
            {
                yield return current;
                current = [];
                characters = 0;
            }

            current.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            characters += size;
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }
}
