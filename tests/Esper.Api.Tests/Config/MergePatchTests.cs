using System.Text.Json.Nodes;
using Esper.Api.Config;

namespace Esper.Api.Tests.Config;

public sealed class MergePatchTests
{
    [Fact]
    public void Objects_merge_member_by_member_null_removes_and_arrays_replace()
    {
        var target = JsonNode.Parse("""{"a":1,"b":{"c":2,"d":3},"e":[1,2],"f":"x"}""");
        var patch = JsonNode.Parse("""{"a":null,"b":{"c":20},"e":[9],"g":true}""");

        var result = MergePatch.Apply(target, patch)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"b":{"c":20,"d":3},"e":[9],"f":"x","g":true}"""), result));
        Assert.Equal(1, target!["a"]!.GetValue<int>());
    }
}
