using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Azure;
using Esper.Storage.AzureTables;
using Esper.Storage.DynamoDb;
using Esper.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Esper.Host.Tests.Faults;

/// <summary>Which exceptions each store counts as an outage (503) rather than a defect (500).</summary>
public sealed class StoreFaultClassificationTests
{
    [Fact]
    public void Dynamodb_outages_are_5xx_throttling_network_failures_and_timeouts_wherever_they_are_wrapped()
    {
        var faults = DynamoDbFaults.Instance;

        Assert.True(faults.IsOutage(new AmazonServiceException("down", null, ErrorType.Receiver, "InternalFailure", "r1", HttpStatusCode.InternalServerError)));
        Assert.True(faults.IsOutage(new ProvisionedThroughputExceededException("slow down")));
        Assert.True(faults.IsOutage(new AmazonServiceException("unreachable", new HttpRequestException("Connection refused"))));
        Assert.True(faults.IsOutage(new TaskCanceledException("attempt timed out")));
        Assert.False(faults.IsOutage(new ConditionalCheckFailedException("version changed")));
        Assert.False(faults.IsOutage(new ResourceNotFoundException("no such table")));
        Assert.False(faults.IsOutage(new InvalidOperationException("a defect")));
        Assert.Equal("DynamoDB", faults.StoreName);
    }

    [Fact]
    public void Azure_tables_outages_are_no_answer_throttling_and_5xx_also_inside_the_sdk_retry_aggregate()
    {
        var faults = AzureTablesFaults.Instance;

        Assert.True(faults.IsOutage(new RequestFailedException(0, "no connection")));
        Assert.True(faults.IsOutage(new RequestFailedException(503, "server busy")));
        Assert.True(faults.IsOutage(new RequestFailedException(429, "too many requests")));
        Assert.True(faults.IsOutage(new AggregateException("Retry failed after 2 tries.", new RequestFailedException(0, "refused"), new RequestFailedException(0, "refused"))));
        Assert.False(faults.IsOutage(new RequestFailedException(404, "table not found")));
        Assert.False(faults.IsOutage(new RequestFailedException(409, "entity exists")));
        Assert.Equal("Azure Tables", faults.StoreName);
    }

    [Theory]
    [InlineData(5, true)] // SQLITE_BUSY
    [InlineData(517, true)] // SQLITE_BUSY_SNAPSHOT: extended codes keep the primary code in the low byte
    [InlineData(6, true)] // SQLITE_LOCKED
    [InlineData(8, true)] // SQLITE_READONLY
    [InlineData(10, true)] // SQLITE_IOERR
    [InlineData(13, true)] // SQLITE_FULL
    [InlineData(14, true)] // SQLITE_CANTOPEN
    [InlineData(19, false)] // SQLITE_CONSTRAINT: a defect
    [InlineData(1, false)] // SQLITE_ERROR: bad SQL, a defect
    public void Sqlite_outages_are_a_lock_held_too_long_a_read_only_or_full_disk_and_io_errors(int code, bool outage)
    {
        Assert.Equal(outage, SqliteFaults.Instance.IsOutage(new SqliteException("sqlite", code)));
    }
}
