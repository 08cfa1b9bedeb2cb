namespace Esper.Core.Fields;

/// <summary>The keys an event body may carry, recognised without allocating the property name.</summary>
internal enum EventKey : byte
{
    Other,
    Request,
    ObservedAt,
    IdempotencyKey,
    Source,
    ReturnUrl,
    Fields,
    Method,
    Path,
    ClientIp,
    Ip,
    UserAgent,
    Headers,
    QueryParams,
    Cookies,
    RouteParams,
    Body,
}
