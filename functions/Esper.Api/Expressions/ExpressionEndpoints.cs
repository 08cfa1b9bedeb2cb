using Esper.Api.Config;
using Esper.Api.Contracts;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Core.Expressions;

namespace Esper.Api.Expressions;

/// <summary>
/// <c>POST /api/v1/expressions/validate</c> with <c>{"expression": …}</c> (text or tree form): compiles it as saving a
/// resource would and answers 200 with <c>valid</c> and, when it is not, the compiler's message and position. The
/// console's builder calls it while the operator types. Admin keys only; nothing is stored.
/// </summary>
internal sealed class ExpressionEndpoints(EsperApiOptions options) : IApiEndpointModule
{
    public IEnumerable<Endpoint> Endpoints => [new("ValidateExpression", Access.Admin, ValidateAsync)];

    private ValueTask<ApiResponse> ValidateAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParse(call.Request, options.Limits, strict: true, out var body, out var problem))
        {
            return ValueTask.FromResult(problem!);
        }

        using (body)
        {
            if (body!.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object || !body.RootElement.TryGetProperty("expression", out var expression))
            {
                return ValueTask.FromResult(Problems.Validation("expression", "is required"));
            }

            if (BodyContract.Check(body.RootElement, ContractJsonContext.Default.ExpressionCheckBody, "an expression check") is { } unknown)
            {
                return ValueTask.FromResult(Problems.Validation([unknown]));
            }

            var result = ExpressionCompiler.Compile(expression);
            var view = result.Succeeded
                ? new ExpressionCheckView(true, null, null, null)
                : new ExpressionCheckView(false, result.Error!.Message, result.Error.Position, result.Error.Path);
            return ValueTask.FromResult(JsonResponses.Create(200, view, ApiJsonContext.Default.ExpressionCheckView));
        }
    }
}
