using Esper.Cli.Workspace;

namespace Esper.Cli.Api;

/// <summary>Makes the API for one resolved connection.</summary>
internal interface IEsperApiFactory
{
    IEsperApi Create(Connection connection);
}
