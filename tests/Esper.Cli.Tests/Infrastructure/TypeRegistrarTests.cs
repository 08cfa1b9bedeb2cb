using Esper.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli.Testing;

namespace Esper.Cli.Tests.Infrastructure;

public sealed class TypeRegistrarTests
{
    [Fact]
    public void The_registrar_meets_spectre_contract()
    {
        new TypeRegistrarBaseTests(() => new TypeRegistrar(new ServiceCollection())).RunAllTests();
    }
}
