using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>Expression checks for the console's builder. The trigger only binds and dispatches.</summary>
internal sealed class ExpressionFunctions(FunctionDispatcher dispatcher)
{
    [Function("ValidateExpression")]
    public Task<IActionResult> ValidateExpression([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/expressions/validate")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
