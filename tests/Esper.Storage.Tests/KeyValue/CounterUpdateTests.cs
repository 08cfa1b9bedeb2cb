using Esper.Storage.KeyValue;

namespace Esper.Storage.Tests.KeyValue;

public sealed class CounterUpdateTests
{
    [Theory]
    [InlineData("w1", true)]
    [InlineData("penalty_until", true)]
    [InlineData("A_9", true)]
    [InlineData("", false)]
    [InlineData("bad-name", false)]
    [InlineData("quote\"", false)]
    [InlineData("é", false)]
    [InlineData("with space", false)]
    public void Counter_names_are_letters_digits_and_underscores(string name, bool valid)
    {
        Assert.Equal(valid, CounterNames.IsValid(name));
    }

    [Fact]
    public void Counter_removed_and_added_in_one_update_is_rejected_naming_it()
    {
        var update = new CounterUpdate { Add = new Dictionary<string, long> { ["w1"] = 1 }, Remove = ["w1"] };

        var error = Assert.Throws<ArgumentException>(update.Validate);

        Assert.Contains("'w1'", error.Message, StringComparison.Ordinal);
        Assert.Equal("Remove", error.ParamName);
    }

    [Fact]
    public void Invalid_name_in_set_is_rejected_naming_the_collection()
    {
        var update = new CounterUpdate { Set = new Dictionary<string, long> { ["no-dash"] = 1 } };

        Assert.Equal("Set", Assert.Throws<ArgumentException>(update.Validate).ParamName);
    }

    [Fact]
    public void Update_with_valid_names_passes_validation()
    {
        var update = new CounterUpdate
        {
            Add = new Dictionary<string, long> { ["w1"] = 1 },
            Set = new Dictionary<string, long> { ["penalty_until"] = 5 },
            Remove = ["old_window"],
        };

        Assert.Null(Record.Exception(update.Validate));
    }
}
