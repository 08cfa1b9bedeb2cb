namespace Esper.Core.Resources;

/// <summary>How a blocked request is answered by the integration.</summary>
public sealed class BlockOptions
{
    /// <summary>HTTP status the integration returns, 400–599. Default 403.</summary>
    public int StatusCode { get; set; } = 403;

    /// <summary>Optional body text, at most 1024 characters.</summary>
    public string? Message { get; set; }
}
