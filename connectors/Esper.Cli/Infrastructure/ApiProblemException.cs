namespace Esper.Cli.Infrastructure;

/// <summary>Esper answered an error (problem+json): exit code 2, the detail and the field are printed.</summary>
internal sealed class ApiProblemException(int status, string? title, string? detail, string? field)
    : CliException(Describe(status, title, detail, field))
{
    public int Status { get; } = status;

    public string? Field { get; } = field;

    public string? Detail { get; } = detail;

    public override int ExitCode => ExitCodes.Api;

    private static string Describe(int status, string? title, string? detail, string? field)
    {
        var text = detail ?? title ?? "no detail";
        var hint = status switch
        {
            401 => " (check the API key or token: esper auth whoami)",
            403 => " (this credential's scope does not allow it; an admin key is needed)",
            412 => " (it changed since it was read; show it again and retry)",
            429 => " (rate limited; retry later)",
            _ => "",
        };
        var fieldText = field is null || text.Contains(field, StringComparison.Ordinal) ? "" : $" [field {field}]";
        return $"Esper answered {status}: {text}{fieldText}{hint}";
    }
}
