using Esper.Core.Fields;

namespace Esper.Core.Tests.Fields;

/// <summary>The user agent sent both as user_agent and as its header is read once, whichever comes first, with its own limit kept.</summary>
public sealed class UserAgentSharingTests
{
    private const string Agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0";

    [Theory]
    [InlineData("""{"request":{"user_agent":"UA","headers":{"user-agent":"UA","accept":"*/*"}}}""")]
    [InlineData("""{"request":{"headers":{"accept":"*/*","user-agent":"UA"},"user_agent":"UA"}}""")]
    public void User_agent_equal_to_its_header_is_one_string_in_either_order(string template)
    {
        var ev = EventJson.Parse(template.Replace("UA", Agent, StringComparison.Ordinal)).Value!;

        Assert.Equal(Agent, ev.UserAgent);
        Assert.Same(ev.UserAgent, ev.Headers["user-agent"]);
        Assert.Equal("*/*", ev.Headers["accept"]);
    }

    [Fact]
    public void User_agent_different_from_its_header_keeps_both_values()
    {
        var ev = EventJson.Parse("""{"request":{"headers":{"user-agent":"header agent"},"user_agent":"field agent"}}""").Value!;

        Assert.Equal("field agent", ev.UserAgent);
        Assert.Equal("header agent", ev.Headers["user-agent"]);
    }

    [Fact]
    public void User_agent_over_its_limit_fails_even_when_its_header_carried_the_same_text()
    {
        // A header may be longer than a user agent may be: sharing the header's text must not skip the check.
        var tooLong = new string('a', FieldLimits.MaxUserAgentLength + 1);

        var result = EventJson.Parse("{\"request\":{\"headers\":{\"user-agent\":\"" + tooLong + "\"},\"user_agent\":\"" + tooLong + "\"}}");

        Assert.False(result.Succeeded);
        Assert.Equal("request.user_agent", result.ErrorField);
    }

    [Fact]
    public void Common_header_names_in_another_case_are_still_lower_cased()
    {
        var ev = EventJson.Parse("""{"request":{"headers":{"User-Agent":"a","ACCEPT":"b","x-custom":"c"}}}""").Value!;

        Assert.Equal(["accept", "user-agent", "x-custom"], ev.Headers.Keys.Order(StringComparer.Ordinal));
    }
}
