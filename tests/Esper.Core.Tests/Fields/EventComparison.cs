using Esper.Core.Fields;

namespace Esper.Core.Tests.Fields;

/// <summary>Asserts that two events hold the same parts, map entries in the same order.</summary>
internal static class EventComparison
{
    public static void AssertSame(RuntimeEvent expected, RuntimeEvent actual)
    {
        Assert.Equal(expected.ObservedAt, actual.ObservedAt);
        Assert.Equal(expected.IdempotencyKey, actual.IdempotencyKey);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.ReturnUrl, actual.ReturnUrl);
        Assert.Equal(expected.Method, actual.Method);
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(expected.ClientIp, actual.ClientIp);
        Assert.Equal(expected.UserAgent, actual.UserAgent);
        Assert.Equal(expected.Headers.ToList(), actual.Headers.ToList());
        Assert.Equal(expected.QueryParams.ToList(), actual.QueryParams.ToList());
        Assert.Equal(expected.Cookies.ToList(), actual.Cookies.ToList());
        Assert.Equal(expected.RouteParams.ToList(), actual.RouteParams.ToList());
        Assert.Equal(expected.Fields.ToList(), actual.Fields.ToList());
        Assert.Equal(expected.BodyJson, actual.BodyJson);
    }
}
