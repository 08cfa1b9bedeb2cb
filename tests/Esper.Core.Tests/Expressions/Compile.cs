using System.Text.Json;
using Esper.Core.Expressions;
using Esper.Core.Fields;

namespace Esper.Core.Tests.Expressions;

internal static class Compile
{
    public static CompiledExpression Text(string text)
    {
        var result = ExpressionCompiler.Compile(text);
        Assert.True(result.Succeeded, $"{text}: {result.Error}");
        return result.Expression!;
    }

    public static CompiledExpression Tree(string json)
    {
        var result = TreeResult(json);
        Assert.True(result.Succeeded, $"{json}: {result.Error}");
        return result.Expression!;
    }

    public static ExpressionCompileResult TreeResult(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ExpressionCompiler.Compile(document.RootElement);
    }

    public static EncodedRequest Request(params (string Name, string Value)[] fields) =>
        EncodedRequest.FromFields(fields.ToDictionary(f => f.Name, f => f.Value));

    public static EncodedRequest Sample() => Request(
        ("request.method", "POST"),
        ("request.path", "/login/step"),
        ("client_ip", "10.1.2.3"),
        ("user_agent", "Mozilla/5.0 (compatible; GPTBot/1.0)"),
        ("request.headers.user-agent", "Mozilla/5.0 (compatible; GPTBot/1.0)"),
        ("request.headers.x-api-key", "k-1"),
        ("request.query.page", "3"),
        ("fields.count", "7"),
        ("fields.vip", "true"),
        ("observed_at", "2026-03-19T10:15:00.000Z"));
}
