using Esper.Api;
using Esper.Storage.DynamoDb;

namespace Esper.Functions.Aws.Composition;

/// <summary>
/// The function's settings, read from environment variables with the same names the ASP.NET Core host uses
/// (docs/deploy-aws.md lists each with its default).
/// </summary>
internal sealed class FunctionSettings
{
    public const string DynamoDb = "dynamodb";

    /// <summary>The embedded store: for local runs and tests only, as each execution environment has its own disk.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>ESPER_STORE: which store holds the state. The SAM template sets dynamodb.</summary>
    public required string Store { get; init; }

    public DynamoDbStoreOptions? DynamoDbOptions { get; init; }

    /// <summary>The SQLite file: esper.db in ESPER_DATA_DIR (default .esper-data), as the local host has it.</summary>
    public string? SqlitePath { get; init; }

    /// <summary>The settings every host shares (operator token, bootstrap key, rate limit, config check, recording).</summary>
    public required EsperSettings Api { get; init; }

    public static bool TryRead(Func<string, string?> environment, out FunctionSettings? settings, out string? error)
    {
        settings = null;
        var store = Value(environment, "ESPER_STORE")?.ToLowerInvariant() ?? DynamoDb;
        if (store is not (DynamoDb or Sqlite))
        {
            error = $"ESPER_STORE '{store}' is not available in the AWS Lambda function: it supports '{DynamoDb}' and '{Sqlite}'.";
            return false;
        }

        EsperSettings api;
        try
        {
            api = EsperSettings.Read(environment, store);
        }
        catch (InvalidOperationException ex)
        {
            error = ex.Message;
            return false;
        }

        DynamoDbStoreOptions? options = null;
        if (store == DynamoDb && (options = DynamoDbSettings(environment, out error)) is null)
        {
            return false;
        }

        error = null;
        settings = new FunctionSettings
        {
            Store = store,
            DynamoDbOptions = options,
            SqlitePath = store == Sqlite ? Path.Combine(Path.GetFullPath(Value(environment, "ESPER_DATA_DIR") ?? ".esper-data"), "esper.db") : null,
            Api = api,
        };
        return true;
    }

    private static DynamoDbStoreOptions? DynamoDbSettings(Func<string, string?> environment, out string? error)
    {
        try
        {
            error = null;
            return DynamoDbStoreSettings.FromEnvironment(environment);
        }
        catch (ArgumentException ex)
        {
            error = $"ESPER_STORE=dynamodb: {ex.Message.Split(" (Parameter", 2)[0]}";
            return null;
        }
    }

    private static string? Value(Func<string, string?> environment, string name)
    {
        var value = environment(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
