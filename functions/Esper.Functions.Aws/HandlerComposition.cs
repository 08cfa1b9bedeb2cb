using System.Collections;
using Esper.Api.Http;

namespace Esper.Functions.Aws;

/// <summary>Builds the shared handler and its store from the function's environment variables.</summary>
internal static class HandlerComposition
{
    public static bool TryCreate(IDictionary environment, out IApiHandler? handler, out string? error)
    {
        var store = (environment["ESPER_STORE"] as string)?.Trim().ToLowerInvariant();
        if (store is not (null or "" or "sqlite" or "dynamodb" or "azuretables"))
        {
            handler = null;
            error = $"ESPER_STORE '{store}' is not one of sqlite, dynamodb, azuretables.";
            return false;
        }

        handler = null;
        error = "The API handler is not available in this build.";
        return false;
    }
}
