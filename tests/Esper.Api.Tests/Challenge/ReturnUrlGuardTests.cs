using Esper.Api.Challenge;

namespace Esper.Api.Tests.Challenge;

public sealed class ReturnUrlGuardTests
{
    private static readonly string[] Allowed = ["https://shop.example", "http://localhost:8080"];

    [Theory]
    [InlineData("https://shop.example/", "https://shop.example")]
    [InlineData("https://shop.example/checkout?step=2#top", "https://shop.example")]
    [InlineData("https://SHOP.Example/cart", "https://shop.example")]
    [InlineData("HTTPS://shop.example/cart", "https://shop.example")]
    [InlineData("https://shop.example:443/cart", "https://shop.example")]
    [InlineData("http://localhost:8080/back", "http://localhost:8080")]
    public void Allows_absolute_urls_on_an_allowed_origin(string url, string origin)
    {
        var check = ReturnUrlGuard.Check(url, Allowed);

        Assert.True(check.IsAllowed, check.Error);
        Assert.Equal(origin, check.Origin);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("https://shop.example.evil.example/")]
    [InlineData("https://evilshop.example/")]
    [InlineData("https://evil.example/?next=https://shop.example/")]
    [InlineData("https://evil.example#https://shop.example/")]
    [InlineData("http://shop.example/")]
    [InlineData("https://shop.example:8443/")]
    [InlineData("http://localhost:8081/")]
    [InlineData("//evil.example/")]
    [InlineData("//shop.example/")]
    [InlineData("/checkout")]
    [InlineData("checkout")]
    [InlineData("https:evil.example")]
    [InlineData("https:/evil.example")]
    [InlineData("https:///evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt://shop.example/%0aalert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://shop.example/")]
    [InlineData("https://shop.example@evil.example/")]
    [InlineData("https://user:pass@shop.example/")]
    [InlineData("https://shop.example%2F@evil.example/")]
    [InlineData("https://evil.example\\@shop.example/")]
    [InlineData("https:\\\\evil.example")]
    [InlineData("https://shop.example\\evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData(" https://shop.example/")]
    [InlineData("https://shop.example/\t")]
    [InlineData("https://shop.example/\r\nLocation: https://evil.example")]
    [InlineData("https://shop.example/\u0000")]
    [InlineData("https://shop.example/\u2028")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_urls_that_could_leave_the_allowed_origins(string? url)
    {
        var check = ReturnUrlGuard.Check(url, Allowed);

        Assert.False(check.IsAllowed);
        Assert.False(string.IsNullOrEmpty(check.Error));
    }

    [Fact]
    public void Refuses_an_overlong_url()
    {
        var url = "https://shop.example/" + new string('a', ReturnUrlGuard.MaxLength);

        Assert.Contains("longer", ReturnUrlGuard.Check(url, Allowed).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_everything_when_no_origin_is_allowed() =>
        Assert.False(ReturnUrlGuard.Check("https://shop.example/", []).IsAllowed);

    [Theory]
    [InlineData("https://Shop.Example", "https://shop.example")]
    [InlineData("https://shop.example/", "https://shop.example")]
    [InlineData("https://shop.example:443", "https://shop.example")]
    [InlineData("http://localhost:8080", "http://localhost:8080")]
    [InlineData("https://shop.example/path", null)]
    [InlineData("https://user@shop.example", null)]
    [InlineData("shop.example", null)]
    [InlineData("https://shop.example?x=1", null)]
    public void Normalizes_allowed_origin_entries(string entry, string? expected) =>
        Assert.Equal(expected, ReturnUrlGuard.NormalizeOrigin(entry));
}
