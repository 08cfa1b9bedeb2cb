using System.Collections.Concurrent;
using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Esper.Host.Tests.CloudStores.WriteUnits;

/// <summary>
/// A DynamoDB client that passes every call to a real one (dynalite here) and bills each write as DynamoDB would:
/// write request units from item sizes (see <see cref="DynamoDbItemSize"/>), by the larger of the item before and
/// after for PutItem and UpdateItem, by the deleted item for DeleteItem, per item for BatchWriteItem, and a failed
/// conditional write by the same sizes. Item sizes before a write come from the writes seen so far, so the table
/// must be new and written only through this client. Transactions (2× units) are not expected: the store uses none,
/// and one seen is recorded as an unbilled operation so a test can fail on it.
/// </summary>
public class WriteUnitMeter : DispatchProxy
{
    private readonly ConcurrentDictionary<(string, string), int> _sizes = new();
    private readonly ConcurrentQueue<BilledWrite> _writes = new();
    private readonly ConcurrentQueue<string> _unbilled = new();
    private readonly ConcurrentBag<Task> _pending = [];
    private IAmazonDynamoDB _inner = null!;

    /// <summary>Every write billed since the last <see cref="Reset"/>.</summary>
    internal IReadOnlyCollection<BilledWrite> Writes => _writes;

    /// <summary>Write operations seen that this meter cannot bill (transactions, PartiQL).</summary>
    internal IReadOnlyCollection<string> Unbilled => _unbilled;

    internal static (IAmazonDynamoDB Client, WriteUnitMeter Meter) Wrap(IAmazonDynamoDB inner)
    {
        var client = Create<IAmazonDynamoDB, WriteUnitMeter>();
        var meter = (WriteUnitMeter)(object)client;
        meter._inner = inner;
        return (client, meter);
    }

    /// <summary>Forgets the writes billed so far (item sizes are kept: they are the table's state).</summary>
    internal void Reset()
    {
        _writes.Clear();
        _unbilled.Clear();
    }

    /// <summary>Waits until every write started so far has been billed.</summary>
    internal Task SettleAsync() => Task.WhenAll(_pending.ToArray());

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var request = args is { Length: > 0 } ? args[0] : null;
        Action<Task>? bill = request switch
        {
            PutItemRequest put => Bill(put.Item, put.Item, "PutItem", _ => Of(put.Item)),
            UpdateItemRequest update => Bill(update.Key, null, "UpdateItem", static t => Of(((Task<UpdateItemResponse>)t).Result.Attributes)),
            DeleteItemRequest delete => Bill(delete.Key, null, "DeleteItem", static _ => 0, deletes: true),
            BatchWriteItemRequest batch => BillBatch(batch),
            TransactWriteItemsRequest or ExecuteStatementRequest or BatchExecuteStatementRequest or ExecuteTransactionRequest =>
                _ => _unbilled.Enqueue(request.GetType().Name),
            _ => null,
        };
        var result = targetMethod.Invoke(_inner, args);
        if (bill is not null && result is Task task)
        {
            _pending.Add(task.ContinueWith(bill, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        }

        return result;
    }

    private static int Of(Dictionary<string, AttributeValue>? item) => DynamoDbItemSize.Of(item);

    private Action<Task> Bill(Dictionary<string, AttributeValue> key, Dictionary<string, AttributeValue>? newItem, string operation, Func<Task, int> sizeAfter, bool deletes = false)
    {
        var id = (key["pk"].S, key["sk"].S);
        var before = _sizes.GetValueOrDefault(id);
        var requested = newItem is null ? 0 : DynamoDbItemSize.Of(newItem);
        return task =>
        {
            // A failed condition still costs the write; a successful one changes the item's size.
            var after = task.IsCompletedSuccessfully ? sizeAfter(task) : requested;
            if (task.IsCompletedSuccessfully)
            {
                if (deletes)
                {
                    _sizes.TryRemove(id, out _);
                }
                else
                {
                    _sizes[id] = after;
                }
            }

            _writes.Enqueue(new BilledWrite(operation, id.Item1, id.Item2, Math.Max(before, after), DynamoDbItemSize.WriteUnits(Math.Max(before, after)), task.IsCompletedSuccessfully));
        };
    }

    private Action<Task> BillBatch(BatchWriteItemRequest batch)
    {
        var bills = batch.RequestItems.Values.SelectMany(static r => r)
            .Select(r => r.PutRequest is { } put ? Bill(put.Item, put.Item, "BatchWriteItem", _ => Of(put.Item)) : Bill(r.DeleteRequest.Key, null, "BatchWriteItem", static _ => 0, deletes: true))
            .ToList();

        // Unprocessed items are sent again by the store and billed then; this meter bills what the call names.
        return task =>
        {
            foreach (var bill in bills)
            {
                bill(task);
            }
        };
    }
}
