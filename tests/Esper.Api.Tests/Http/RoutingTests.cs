using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Http;

public sealed class RoutingTests
{
    [Theory]
    [InlineData("/api/v1/api-keys/")]
    [InlineData("//api/v1/api-keys")]
    [InlineData("/api/v1/api-keys//")]
    public async Task Slashes_around_the_path_are_ignored_when_matching_a_route(string path)
    {
        using var harness = new ApiHarness();

        var listed = await harness.SendAsync("GET", path);

        Assert.Equal(200, listed.Status);
        Assert.True(listed.Body.TryGetProperty("items", out _));
    }

    [Fact]
    public async Task A_route_value_is_the_path_segment_in_its_place()
    {
        using var harness = new ApiHarness();

        var missing = await harness.SendAsync("GET", "/api/v1/api-keys/k_missing/");

        Assert.Equal(404, missing.Status);
        Assert.Equal("No API key k_missing.", missing.Body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1//api-keys")]
    [InlineData("/api/v1/api-keys/k_1/extra")]
    [InlineData("/")]
    [InlineData("")]
    public async Task A_path_with_other_segments_than_every_template_is_not_found(string path)
    {
        using var harness = new ApiHarness();

        var result = await harness.SendAsync("GET", path);

        Assert.Equal(404, result.Status);
        Assert.Equal("application/problem+json", result.Raw.ContentType);
    }
}
