using System.Xml;
using System.Xml.Linq;
using Esper.Cli.Infrastructure;

namespace Esper.Cli.Workspace;

/// <summary>
/// Reads and writes <c>credentials.xml</c>: per profile an API key and an operator token. The file is created with
/// mode 0600 (owner read/write only) and rewritten through a temporary file that has that mode from the start.
/// </summary>
internal sealed class CredentialStore(EsperHome home)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public ProfileCredentials Get(string profile) =>
        Load().TryGetValue(profile, out var credentials) ? credentials : new ProfileCredentials(null, null);

    public void Set(string profile, ProfileCredentials credentials)
    {
        var all = Load();
        if (credentials.ApiKey is null && credentials.OperatorToken is null)
        {
            all.Remove(profile);
        }
        else
        {
            all[profile] = credentials;
        }

        Save(all);
    }

    private Dictionary<string, ProfileCredentials> Load()
    {
        var result = new Dictionary<string, ProfileCredentials>(StringComparer.Ordinal);
        if (!File.Exists(home.CredentialsFile))
        {
            return result;
        }

        try
        {
            var document = XDocument.Load(home.CredentialsFile);
            foreach (var profile in document.Root?.Elements("profile") ?? [])
            {
                var name = (string?)profile.Attribute("name");
                if (!string.IsNullOrEmpty(name))
                {
                    result[name] = new ProfileCredentials(Text(profile, "api_key"), Text(profile, "operator_token"));
                }
            }
        }
        catch (XmlException ex)
        {
            throw new UsageException($"{home.CredentialsFile}: line {ex.LineNumber}: {ex.Message} (run esper init again to rewrite it)");
        }

        return result;
    }

    private void Save(Dictionary<string, ProfileCredentials> all)
    {
        Directory.CreateDirectory(home.Root);
        var root = new XElement("credentials");
        foreach (var (name, credentials) in all.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var element = new XElement("profile", new XAttribute("name", name));
            if (credentials.ApiKey is not null)
            {
                element.Add(new XElement("api_key", credentials.ApiKey));
            }

            if (credentials.OperatorToken is not null)
            {
                element.Add(new XElement("operator_token", credentials.OperatorToken));
            }

            root.Add(element);
        }

        var temp = home.CredentialsFile + ".tmp";
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temp, options))
        {
            new XDocument(new XComment(" Esper CLI credentials: keep this file private (mode 0600). "), root).Save(stream);
        }

        File.Move(temp, home.CredentialsFile, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(home.CredentialsFile, OwnerOnly);
        }
    }

    private static string? Text(XElement profile, string name) =>
        profile.Element(name)?.Value is { Length: > 0 } value ? value : null;
}
