namespace Esper.Core.Fields;

/// <summary>What a field reference reads. Fixed kinds index a slot array, keyed kinds a map, map kinds a whole map.</summary>
internal enum FieldKind : byte
{
    Method,
    Path,
    ClientIp,
    UserAgent,
    Referrer,
    Source,
    ObservedAt,
    ClientIpVersion,
    Crawler,
    CrawlerOperator,

    Header,
    Query,
    Cookie,
    Route,
    Body,
    Field,

    Headers,
    QueryMap,
    Cookies,
    RouteMap,
    FieldsMap,
}
