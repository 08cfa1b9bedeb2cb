using Esper.Cli.Infrastructure;

namespace Esper.Cli.Tests.Infrastructure;

public sealed class ErrorReporterTests
{
    [Theory]
    [InlineData(401, "check the API key or token")]
    [InlineData(403, "an admin key is needed")]
    [InlineData(412, "show it again and retry")]
    [InlineData(429, "rate limited")]
    public void Auth_stale_and_rate_limit_answers_exit_2_with_a_hint(int status, string hint)
    {
        var error = new StringWriter();

        var code = ErrorReporter.Report(new ApiProblemException(status, "Title", "detail text", null), error);

        Assert.Equal(2, code);
        Assert.Contains($"Esper answered {status}: detail text", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(hint, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_missing_from_the_detail_is_appended()
    {
        var error = new StringWriter();

        ErrorReporter.Report(new ApiProblemException(400, "Invalid", "must be between 1 and 86400", "clauses[0].window.seconds"), error);

        Assert.Equal("error: Esper answered 400: must be between 1 and 86400 [field clauses[0].window.seconds]", error.ToString().Trim());
    }
}
