using Esper.Cli.Resources;

namespace Esper.Cli.Tests.Resources;

public sealed class YamlToJsonTests
{
    [Fact]
    public void Plain_scalars_become_json_types_and_quoted_ones_stay_text()
    {
        var json = YamlToJson.Convert("a: 5\nb: true\nc: '5'\nd: ~\ne: 2.5\nf: /login\ng: [x, y]\n")!;

        Assert.Equal("""{"a":5,"b":true,"c":"5","d":null,"e":2.5,"f":"/login","g":["x","y"]}""", json.ToJsonString());
    }

    [Fact]
    public void A_duplicate_key_is_an_error()
    {
        Assert.Throws<YamlDotNet.Core.YamlException>(() => YamlToJson.Convert("mode: monitor\nmode: block\n"));
    }
}
