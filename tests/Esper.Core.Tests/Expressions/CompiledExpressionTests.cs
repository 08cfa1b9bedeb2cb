using Esper.Core.Expressions;
using Esper.Core.Fields;

namespace Esper.Core.Tests.Expressions;

public sealed class CompiledExpressionTests
{
    [Fact]
    public void True_expression_holds_for_an_empty_request()
    {
        var request = EncodedRequest.FromFields(new Dictionary<string, string>());

        Assert.True(CompiledExpression.True.Evaluate(request));
    }
}
