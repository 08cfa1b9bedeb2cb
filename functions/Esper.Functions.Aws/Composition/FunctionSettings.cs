using Esper.Api;
using Esper.Storage;
using Esper.Storage.DynamoDb;
using Esper.Storage.Sqlite;

namespace Esper.Functions.Aws.Composition;

/// <summary>
/// What the function adds to the shared settings reader: its stores. Environment variables carry the same names the
/// ASP.NET Core host uses (docs/deploy-aws.md lists each with its default).
/// </summary>
internal static class FunctionSettings
{
    /// <summary>DynamoDB by default (the SAM template sets it); the embedded store for local runs and tests only, as each execution environment has its own disk.</summary>
    public static IReadOnlyList<StoreChoice> Stores { get; } = [DynamoDbStoreSettings.Choice, SqliteStoreSettings.Choice];

    /// <summary>Reads every setting; null with every refused setting's message.</summary>
    public static EsperSettings? Read(Func<string, string?> environment, out IReadOnlyList<string> errors) =>
        EsperSettings.Read(environment, Stores, out errors);
}
