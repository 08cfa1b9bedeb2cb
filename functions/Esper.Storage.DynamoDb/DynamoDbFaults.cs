using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Esper.Storage.Faults;

namespace Esper.Storage.DynamoDb;

/// <summary>
/// What the DynamoDB store counts as an outage: a 5xx answer, throttling (the SDK gave up retrying it), and the
/// network failures and attempt timeouts every store counts. A refused request (4xx: validation, a missing table,
/// access denied) stays a defect.
/// </summary>
public static class DynamoDbFaults
{
    /// <summary>The classifier the host registers with the DynamoDB store.</summary>
    public static StoreFaults Instance { get; } = new("DynamoDB", static e => e switch
    {
        ProvisionedThroughputExceededException or RequestLimitExceededException or InternalServerErrorException => true,
        AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => true,
        AmazonServiceException { ErrorCode: "ThrottlingException" or "ServiceUnavailable" } => true,
        _ => false,
    });
}
