namespace Esper.Api.Http;

/// <summary>Input limits every host enforces through the shared handler. Each default is documented in docs/api.md.</summary>
public sealed class RequestLimits
{
    /// <summary>Largest request body in bytes. Default 1 MiB (a beacon batch of 100 events).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most request headers. Default 100.</summary>
    public int MaxHeaderCount { get; set; } = 100;

    /// <summary>Longest request target (path and query string), in characters. Default 8192.</summary>
    public int MaxUrlLength { get; set; } = 8192;

    /// <summary>Largest total size of the request headers (names and values), in characters. Default 32768.</summary>
    public int MaxHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>Most JSON object properties in one body, counted at every depth. Default 5000.</summary>
    public int MaxJsonProperties { get; set; } = 5000;

    /// <summary>Longest JSON string value or property name, in characters. Default 8192.</summary>
    public int MaxStringLength { get; set; } = 8192;

    /// <summary>Deepest JSON nesting. Default 32.</summary>
    public int MaxJsonDepth { get; set; } = 32;
}
