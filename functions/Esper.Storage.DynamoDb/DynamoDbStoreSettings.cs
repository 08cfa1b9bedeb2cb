using Esper.Storage.Faults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Esper.Storage.DynamoDb;

/// <summary>Reads <see cref="DynamoDbStoreOptions"/> from the host's environment variables (documented in docs/stores.md).</summary>
public static class DynamoDbStoreSettings
{
    /// <summary>The table's name; required.</summary>
    public const string Table = "ESPER_DYNAMODB_TABLE";

    /// <summary>The table's AWS region; <see cref="AwsRegion"/> when unset.</summary>
    public const string Region = "ESPER_DYNAMODB_REGION";

    /// <summary>An endpoint other than AWS's (a local emulator); unset means AWS.</summary>
    public const string ServiceUrl = "ESPER_DYNAMODB_SERVICE_URL";

    /// <summary>true creates the table when it is missing; default false.</summary>
    public const string CreateTable = "ESPER_DYNAMODB_CREATE_TABLE";

    /// <summary>Milliseconds one HTTP attempt may take (<see cref="DynamoDbStoreOptions.RequestTimeout"/>); default 5000.</summary>
    public const string Timeout = "ESPER_DYNAMODB_TIMEOUT_MS";

    /// <summary>Retries after a failed attempt (<see cref="DynamoDbStoreOptions.MaxRetries"/>); default 1.</summary>
    public const string MaxRetries = "ESPER_DYNAMODB_MAX_RETRIES";

    /// <summary>The AWS SDK's own region variable, used when <see cref="Region"/> is not set.</summary>
    public const string AwsRegion = "AWS_REGION";

    /// <summary><c>ESPER_STORE=dynamodb</c>: these settings, and the store on the registered <see cref="TimeProvider"/>.</summary>
    public static StoreChoice Choice { get; } = new("dynamodb", static (environment, errors) =>
        Read(environment, errors) is { } options
            ? services =>
            {
                services.AddSingleton<IKeyValueStore>(sp => DynamoDbKeyValueStore.Create(options, sp.GetRequiredService<TimeProvider>()));
                services.TryAddSingleton<StoreFaults>(DynamoDbFaults.Instance);
            }
            : null);

    /// <summary>
    /// Options from <paramref name="read"/>, or null after adding one message per missing or malformed variable
    /// (naming it) to <paramref name="errors"/>.
    /// </summary>
    public static DynamoDbStoreOptions? Read(Func<string, string?> read, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var table = NonEmpty(read(Table));
        if (table is null)
        {
            errors.Add($"{Table} must be set.");
        }

        var region = NonEmpty(read(Region)) ?? NonEmpty(read(AwsRegion));
        if (region is null)
        {
            errors.Add($"{Region} (or {AwsRegion}) must name the table's AWS region.");
        }

        Uri? serviceUrl = null;
        if (NonEmpty(read(ServiceUrl)) is { } url && !Uri.TryCreate(url, UriKind.Absolute, out serviceUrl))
        {
            errors.Add($"{ServiceUrl} must be an absolute URL, got '{url}'.");
        }

        var create = Flag(read, CreateTable, errors);
        var timeout = StoreSettingText.WholeNumber(read, Timeout, 5000, 1, 300_000, "milliseconds", errors);
        var retries = StoreSettingText.WholeNumber(read, MaxRetries, 1, 0, 10, "retries", errors);
        return errors.Count > before ? null : new DynamoDbStoreOptions
        {
            RequestTimeout = TimeSpan.FromMilliseconds(timeout),
            MaxRetries = retries,
            TableName = table!,
            Region = region!,
            ServiceUrl = serviceUrl,
            CreateTableIfMissing = create,
        };
    }

    private static bool Flag(Func<string, string?> read, string name, ICollection<string> errors)
    {
        switch (NonEmpty(read(name)))
        {
            case null or "0":
                return false;
            case "1":
                return true;
            case var value when bool.TryParse(value, out var flag):
                return flag;
            case var value:
                errors.Add($"{name} must be true or false, got '{value}'.");
                return false;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
