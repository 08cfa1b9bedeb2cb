using Microsoft.Azure.Functions.Worker;

namespace Esper.AspNetCore.Functions.Tests.Support;

/// <summary>
/// TEST DOUBLE for the Functions worker's invocation context, the one part that cannot run here (it needs the
/// Functions host). It carries what the worker's ASP.NET Core integration gives an HTTP invocation: the request's
/// real <c>HttpContext</c> under the integration's item key (read back by <c>GetHttpContext()</c>) and the app's
/// services. Everything else throws, so a middleware that needed more would fail here.
/// </summary>
internal sealed class TestFunctionContext(IServiceProvider services, Microsoft.AspNetCore.Http.HttpContext? http) : FunctionContext
{
    // The key Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore stores the invocation's HttpContext under.
    private const string HttpContextKey = "HttpRequestContext";

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => "test-function";

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override IDictionary<object, object> Items { get; set; } = http is null
        ? new Dictionary<object, object>()
        : new Dictionary<object, object> { [HttpContextKey] = http };

    public override CancellationToken CancellationToken => http?.RequestAborted ?? CancellationToken.None;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IInvocationFeatures Features => throw new NotSupportedException();
}
