namespace Esper.Cli.Infrastructure;

/// <summary>
/// Lets global options come before the command (<c>esper --output json policy list</c>), as the seed documents
/// (<c>esper [global-options] &lt;resource&gt; &lt;action&gt;</c>): leading global options are moved after the command.
/// </summary>
internal static class ArgumentOrder
{
    private static readonly HashSet<string> GlobalWithValue = new(StringComparer.Ordinal) { "-o", "--output", "--profile", "--tenant-id", "--api-base" };

    public static string[] Normalize(string[] args)
    {
        var leading = new List<string>();
        var i = 0;
        while (i < args.Length)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            if (!GlobalWithValue.Contains(name))
            {
                break;
            }

            leading.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
            {
                leading.Add(args[i + 1]);
                i++;
            }

            i++;
        }

        if (leading.Count == 0 || i >= args.Length)
        {
            return args;
        }

        // Options after the whole command line: Spectre binds them to the command's settings.
        return [.. args[i..], .. leading];
    }
}
