namespace Esper.Core.Expressions;

/// <summary>The static type of a field, used to reject impossible comparisons at compile time.</summary>
internal enum FieldType : byte
{
    /// <summary>Always text (method, path, IP, user agent...).</summary>
    String,

    /// <summary>Text that may hold a number or boolean (headers, query, cookies, route, body, tenant fields).</summary>
    Dynamic,

    /// <summary>An RFC 3339 instant (observed_at).</summary>
    Timestamp,

    /// <summary>A whole map (request.headers, fields...).</summary>
    Map,
}
