using Azure;

namespace Esper.Storage.AzureTables.Tests;

public sealed class VersionTests
{
    [Fact]
    public void Version_of_a_non_expiring_entity_is_its_etag()
    {
        var etag = new ETag("W/\"datetime'2031-01-01T00%3A00%3A00.1234567Z'\"");

        string version = EntityLayout.ToVersion(etag, null);

        Assert.Equal(etag.ToString(), version);
        Assert.Equal((etag, (DateTimeOffset?)null), EntityLayout.ParseVersion(version));
    }

    [Theory]
    [InlineData("some-version")]
    [InlineData("")]
    [InlineData("W/x|123")]
    public void Strings_that_are_no_entity_tag_match_no_entity(string version)
    {
        Assert.Null(EntityLayout.ParseVersion(version));
    }
}
