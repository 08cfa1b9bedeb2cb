namespace Esper.Functions.Aws.Events;

/// <summary>Which response shape the caller of the function expects.</summary>
internal enum PayloadFormat
{
    /// <summary>REST API and HTTP API payload 1.0.</summary>
    V1,

    /// <summary>HTTP API payload 2.0 and function URLs.</summary>
    V2,
}
