namespace Esper.Cli.Infrastructure;

/// <summary>How results are printed: a human table, or stable JSON for scripts.</summary>
internal enum OutputFormat
{
    Table,
    Json,
}
