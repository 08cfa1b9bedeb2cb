using Esper.Cli.Infrastructure;

namespace Esper.Cli.Hybrid;

/// <summary>Origin answered a hybrid call with an error status: exit code 2.</summary>
internal sealed class OriginRefusedException(int status, string body)
    : CliException($"Origin answered {status}: {(body.Length > 300 ? body[..300] : body)}")
{
    public int Status { get; } = status;

    public override int ExitCode => ExitCodes.Api;
}
