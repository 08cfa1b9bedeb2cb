using Esper.Cli.Infrastructure;

namespace Esper.Cli.Tests.Infrastructure;

public sealed class ColourTests
{
    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "", true)]
    [InlineData(true, "1", false)]
    [InlineData(true, "0", false)]
    [InlineData(false, null, false)]
    [InlineData(false, "1", false)]
    public void Colours_only_on_a_terminal_without_no_color(bool terminal, string? noColor, bool expected) =>
        Assert.Equal(expected, CliEnvironment.UsesColours(terminal, noColor));
}
