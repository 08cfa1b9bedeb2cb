using Spectre.Console.Cli;

namespace Esper.Cli.Infrastructure;

/// <summary>Resolves commands and their services from the built provider.</summary>
internal sealed class TypeResolver(IServiceProvider provider) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

    public void Dispose() => (provider as IDisposable)?.Dispose();
}
