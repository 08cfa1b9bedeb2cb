using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.AspNetCore.Functions.Tests.Support;

/// <summary>
/// TEST DOUBLE for the worker's application builder (the real one is internal to the Functions worker and only
/// composes inside its host): records <c>Use</c> calls over the app's service collection and composes them, in
/// order, in front of the function, as the worker's pipeline does.
/// </summary>
internal sealed class TestWorkerApplicationBuilder(IServiceCollection services) : IFunctionsWorkerApplicationBuilder
{
    private readonly List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> _middleware = [];

    public IServiceCollection Services { get; } = services;

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
    {
        _middleware.Add(middleware);
        return this;
    }

    public FunctionExecutionDelegate Build(FunctionExecutionDelegate function)
    {
        var pipeline = function;
        for (var i = _middleware.Count - 1; i >= 0; i--)
        {
            pipeline = _middleware[i](pipeline);
        }

        return pipeline;
    }
}
