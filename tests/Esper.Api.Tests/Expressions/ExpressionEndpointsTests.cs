using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Expressions;

public sealed class ExpressionEndpointsTests
{
    [Fact]
    public async Task Validate_answers_the_compilers_error_and_its_position_and_accepts_a_good_expression()
    {
        using var harness = new ApiHarness();

        var (badStatus, bad, _) = await harness.SendAsync("POST", "/api/v1/expressions/validate", """{"expression":"request.method == "}""");
        var (_, good, _) = await harness.SendAsync("POST", "/api/v1/expressions/validate", """{"expression":"request.path.startsWith(\"/login\")"}""");
        var (missing, _, _) = await harness.SendAsync("POST", "/api/v1/expressions/validate", "{}");

        Assert.Equal(200, badStatus);
        Assert.False(bad.GetProperty("valid").GetBoolean());
        Assert.False(string.IsNullOrEmpty(bad.GetProperty("message").GetString()));
        Assert.Equal(18, bad.GetProperty("position").GetInt32());
        Assert.True(good.GetProperty("valid").GetBoolean());
        Assert.Equal(400, missing);
    }
}
