namespace Esper.Core.Tests.Expressions;

public sealed class AbsentFieldTests
{
    [Theory]
    [InlineData("request.path == \"/\"", false)]
    [InlineData("request.path != \"/\"", true)]
    [InlineData("request.path < \"/\"", false)]
    [InlineData("request.path >= \"\"", false)]
    [InlineData("fields.count > 1", false)]
    [InlineData("fields.count != 1", true)]
    [InlineData("request.path.contains(\"\")", false)]
    [InlineData("request.path.startsWith(\"\")", false)]
    [InlineData("request.path.matches(\".*\")", false)]
    [InlineData("request.path in [\"/\"]", false)]
    [InlineData("!(request.path in [\"/\"])", true)]
    [InlineData("client_ip.inCidr(\"0.0.0.0/0\")", false)]
    [InlineData("has(request.path)", false)]
    [InlineData("has(request.headers)", false)]
    [InlineData("size(request.path) >= 0", false)]
    [InlineData("size(fields) == 0", true)]
    [InlineData("!request.path.startsWith(\"/admin\")", true)]
    public void Absent_fields_make_tests_false_and_not_equal_true(string text, bool expected)
    {
        var empty = Compile.Request();

        Assert.Equal(expected, Compile.Text(text).Evaluate(empty));
    }

    [Theory]
    [InlineData("fields.count > 1", false)]
    [InlineData("fields.count == 1", false)]
    [InlineData("fields.count != 1", true)]
    [InlineData("fields.count == \"many\"", true)]
    public void Non_numeric_text_compared_with_a_number_behaves_as_absent(string text, bool expected) =>
        Assert.Equal(expected, Compile.Text(text).Evaluate(Compile.Request(("fields.count", "many"))));

    [Fact]
    public void Ip_tests_on_text_that_is_not_an_ip_are_false()
    {
        var request = Compile.Request(("request.headers.x-real-ip", "unknown"));

        Assert.False(Compile.Text("request.headers[\"x-real-ip\"].inCidr(\"0.0.0.0/0\")").Evaluate(request));
    }
}
