using System.Text.Json.Nodes;
using Esper.Cli.Apply;

namespace Esper.Cli.Tests.Resources;

public sealed class ResourceComparerTests
{
    [Fact]
    public void Leaving_out_a_default_equals_the_stored_default()
    {
        var desired = JsonNode.Parse("""{"id":"m","name":"M","mode":"block","block":{}}""")!.AsObject();
        var stored = JsonNode.Parse("""{"id":"m","name":"M","enabled":true,"mode":"block","duration_seconds":0,"block":{"status_code":403},"created_at":"2026-01-01T00:00:00Z"}""")!.AsObject();

        Assert.True(ResourceComparer.Same(desired, stored));
    }

    [Fact]
    public void Removing_a_field_the_store_holds_is_a_change()
    {
        var desired = JsonNode.Parse("""{"id":"a","name":"A","expression":"true"}""")!.AsObject();
        var stored = JsonNode.Parse("""{"id":"a","name":"A","description":"old","expression":"true"}""")!.AsObject();

        Assert.False(ResourceComparer.Same(desired, stored));
        Assert.Equal(["description"], ResourceComparer.ChangedFields(desired, stored));
    }
}
