using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Docs;

/// <summary>
/// docs/policies.md and docs/expressions.md promise one length for an expression saved in a resource: 4,096
/// characters (the compiler alone would take more). Both sides of the line, over the socket.
/// </summary>
public sealed class ExpressionLengthTests
{
    private const int ApiLimit = 4096;

    [Fact]
    public async Task An_expression_of_exactly_the_documented_length_is_saved()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/actions", Action(Expression(ApiLimit)));

        Assert.Equal(HttpStatusCode.Created, result.Status);
        Assert.StartsWith("request.path == \"/login\"", result.Str("expression"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_character_more_is_a_400_naming_the_expression_and_the_limit()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/actions", Action(Expression(ApiLimit + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("expression", result.Str("field"));
        Assert.Contains("4096", result.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documented_limits_are_the_ones_the_pages_state()
    {
        var policies = await File.ReadAllTextAsync(Esper.Testing.RepositoryRoot.Combine("docs", "policies.md"));
        var expressions = await File.ReadAllTextAsync(Esper.Testing.RepositoryRoot.Combine("docs", "expressions.md"));

        Assert.Contains("at most 4,096 characters in a saved resource", policies, StringComparison.Ordinal);
        Assert.Contains("an expression saved in a resource (an action, an entity, a policy) is at most 4,096 characters", expressions.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    /// <summary>A valid text expression of exactly <paramref name="length"/> characters: a path comparison padded with spaces.</summary>
    private static string Expression(int length)
    {
        const string core = "request.path == \"/login\"";
        return core + new string(' ', length - core.Length);
    }

    private static string Action(string expression) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = "login", ["name"] = "Login", ["expression"] = expression });
}
