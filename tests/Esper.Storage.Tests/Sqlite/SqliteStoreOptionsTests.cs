using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

public sealed class SqliteStoreOptionsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_path_is_rejected_naming_the_setting(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteKeyValueStore(path, TimeProvider.System));

        Assert.Equal("Path", error.ParamName);
    }

    [Fact]
    public void Negative_busy_timeout_is_rejected_naming_the_setting()
    {
        var options = new SqliteStoreOptions { Path = _database.FilePath, BusyTimeout = TimeSpan.FromSeconds(-1) };

        Assert.Equal("BusyTimeout", Assert.Throws<ArgumentException>(options.Validate).ParamName);
    }

    [Fact]
    public void Negative_checkpoint_interval_is_rejected_naming_the_setting()
    {
        var options = new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.FromMilliseconds(-1) };

        Assert.Equal("CheckpointInterval", Assert.Throws<ArgumentException>(options.Validate).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Logged_item_bound_below_two_is_rejected_naming_the_setting(int bound)
    {
        var options = new SqliteStoreOptions { Path = _database.FilePath, MaxLoggedItems = bound };

        Assert.Equal("MaxLoggedItems", Assert.Throws<ArgumentException>(options.Validate).ParamName);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=esper;Mode=Memory;Cache=Shared")]
    [InlineData("Data Source=")]
    public void In_memory_and_temporary_databases_are_rejected(string connectionString)
    {
        var options = new SqliteStoreOptions { ConnectionString = connectionString };

        var error = Assert.Throws<ArgumentException>(() => new SqliteKeyValueStore(options, TimeProvider.System));

        Assert.Contains("database file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new SqliteStoreOptions();

        Assert.Equal(".esper-data/esper.db", options.Path);
        Assert.Equal(SqliteSynchronousMode.Normal, options.Synchronous);
        Assert.Equal(TimeSpan.FromSeconds(5), options.BusyTimeout);
    }

    [Fact]
    public async Task AddEsperSqliteStore_registers_one_store_on_the_registered_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        services.AddEsperSqliteStore(options => options.Path = _database.FilePath);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IKeyValueStore>();
        await store.PutAsync(new ItemKey("t1", "a"), "{}", WriteCondition.None, clock.GetUtcNow().AddSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Same(provider.GetRequiredService<SqliteKeyValueStore>(), store);
        Assert.Null(await store.GetAsync(new ItemKey("t1", "a")));
        Assert.True(File.Exists(_database.FilePath));
    }

    [Fact]
    public void AddEsperSqliteStore_rejects_invalid_options_at_registration()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddEsperSqliteStore(options => options.Path = ""));
    }

    public void Dispose() => _database.Dispose();
}
