namespace Esper.Host;

/// <summary>
/// Makes the managed challenge work on a local run: when the host listens on a loopback address and the settings
/// leave them unset, <c>ESPER_PUBLIC_URL</c> defaults to the listening URL and <c>ESPER_CHALLENGE_ALLOW_LOOPBACK</c>
/// to true (return URLs on the visitor's own machine are admitted; never another origin). Both are printed at
/// start-up. A host listening on any other address, and the cloud hosts, keep both explicit.
/// </summary>
internal static class LocalChallengeDefaults
{
    public static Func<string, string?> Apply(IConfiguration configuration)
    {
        var url = (configuration["urls"] is { Length: > 0 } urls ? urls : HostSettings.DefaultUrl).Split(';')[0].Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var listening) || !listening.IsLoopback || listening.Port == 0)
        {
            return name => configuration[name];
        }

        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(configuration["ESPER_PUBLIC_URL"]))
        {
            defaults["ESPER_PUBLIC_URL"] = listening.GetLeftPart(UriPartial.Authority);
            Console.WriteLine($"esper: ESPER_PUBLIC_URL is not set; challenge pages are served at {defaults["ESPER_PUBLIC_URL"]}/challenge/ (this local host's URL)");
        }

        if (string.IsNullOrWhiteSpace(configuration["ESPER_CHALLENGE_ALLOW_LOOPBACK"]))
        {
            defaults["ESPER_CHALLENGE_ALLOW_LOOPBACK"] = "true";
            Console.WriteLine("esper: challenge return URLs on loopback origins (localhost, 127.0.0.1, [::1]) are admitted on this local host; set ESPER_CHALLENGE_ALLOW_LOOPBACK=false to refuse them");
        }

        return name => configuration[name] is { Length: > 0 } value ? value : defaults.GetValueOrDefault(name);
    }
}
