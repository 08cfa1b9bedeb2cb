using Esper.Cli.Workspace;

namespace Esper.Cli.Api;

/// <summary>Makes the API over Esper.Client for one connection.</summary>
internal sealed class EsperApiFactory : IEsperApiFactory
{
    public IEsperApi Create(Connection connection) => throw new NotSupportedException("Esper.Client is not wired in yet.");
}
