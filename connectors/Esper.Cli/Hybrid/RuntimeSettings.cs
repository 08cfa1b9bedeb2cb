using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Esper.Cli.Hybrid;

/// <summary>
/// <c>~/.esper/runtime.xml</c>, the daemon's settings (docs/hybrid.md has the schema). Every element is optional;
/// <c>esper init</c> writes the file with the defaults and comments, and so does the first <c>esper run</c> if it is
/// still missing. Problems are collected, not thrown, so one message can name every element that is wrong.
/// </summary>
internal sealed class RuntimeSettings
{
    private readonly List<string> _readErrors = [];

    /// <summary>Where the daemon listens; loopback only. Default <c>http://127.0.0.1:8787</c>.</summary>
    public string Listen { get; set; } = "http://127.0.0.1:8787";

    /// <summary>Seconds between background syncs with origin (config, active mitigations, forwarding). Default 30.</summary>
    public int SyncIntervalSeconds { get; set; } = 30;

    /// <summary>Events per beacon call (1–100, origin's batch limit). Default 100.</summary>
    public int ForwardBatchSize { get; set; } = 100;

    /// <summary>Most bytes the forward queue may hold on disk before new events are refused. Default 256 MiB.</summary>
    public long MaxQueueBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Bytes after which a log file is rotated. Default 10 MiB.</summary>
    public long MaxLogBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Rotated log files kept. Default 5.</summary>
    public int KeepLogFiles { get; set; } = 5;

    /// <summary>Enforcing proxies (<c>&lt;proxy&gt;</c> elements), each a loopback listen address and its upstream app. Default none; <c>--proxy</c> replaces them.</summary>
    public IReadOnlyList<ProxyRoute> Proxies { get; set; } = [];

    /// <summary>Problems with the file and the values, each naming its element; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(_readErrors);
        if (!Uri.TryCreate(Listen, UriKind.Absolute, out var uri) || uri.Scheme != "http" || !uri.IsLoopback)
        {
            errors.Add($"<listen> must be an http:// loopback address such as http://127.0.0.1:8787, not '{Listen}'");
        }

        if (SyncIntervalSeconds is < 1 or > 86400)
        {
            errors.Add("<sync_interval_seconds> must be from 1 to 86400");
        }

        if (ForwardBatchSize is < 1 or > 100)
        {
            errors.Add("<forward_batch_size> must be from 1 to 100");
        }

        if (MaxQueueBytes < 1024 * 1024)
        {
            errors.Add("<max_queue_bytes> must be at least 1048576 (1 MiB)");
        }

        if (MaxLogBytes < 64 * 1024)
        {
            errors.Add("<max_log_bytes> must be at least 65536");
        }

        if (KeepLogFiles is < 1 or > 100)
        {
            errors.Add("<keep_log_files> must be from 1 to 100");
        }

        var ports = new HashSet<int>();
        if (uri is not null)
        {
            ports.Add(uri.Port);
        }

        foreach (var (proxy, index) in Proxies.Select(static (p, i) => (p, i + 1)))
        {
            if (!ports.Add(proxy.Listen.Port))
            {
                errors.Add($"<proxy> #{index}: port {proxy.Listen.Port} is already used by <listen> or another <proxy>; each proxy needs a port of its own");
            }
        }

        return errors;
    }

    /// <summary>Reads the file; writes it with the defaults first when it does not exist.</summary>
    public static RuntimeSettings Load(string path)
    {
        var settings = new RuntimeSettings();
        if (!File.Exists(path))
        {
            settings.Save(path);
            return settings;
        }

        XElement root;
        try
        {
            root = XDocument.Load(path).Root!;
        }
        catch (XmlException ex)
        {
            settings._readErrors.Add($"not well-formed XML: {ex.Message}");
            return settings;
        }

        if (root.Name != "runtime")
        {
            settings._readErrors.Add($"the root element must be <runtime>, not <{root.Name}>");
            return settings;
        }

        settings.Listen = ((string?)root.Element("listen"))?.Trim() ?? settings.Listen;
        settings.SyncIntervalSeconds = settings.Number(root, "sync_interval_seconds", settings.SyncIntervalSeconds);
        settings.ForwardBatchSize = settings.Number(root, "forward_batch_size", settings.ForwardBatchSize);
        settings.MaxQueueBytes = settings.Number(root, "max_queue_bytes", settings.MaxQueueBytes);
        settings.MaxLogBytes = settings.Number(root, "max_log_bytes", settings.MaxLogBytes);
        settings.KeepLogFiles = settings.Number(root, "keep_log_files", settings.KeepLogFiles);
        settings.Proxies = settings.ReadProxies(root);
        return settings;
    }

    /// <summary>Writes the settings with a comment on each element (what <c>esper init</c> leaves for people to edit).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var proxies = Proxies.Count == 0
            ? [new XComment(" <proxy><listen>http://127.0.0.1:8080</listen><upstream>http://127.0.0.1:3000</upstream></proxy> ")]
            : Proxies.Select(static p => (object)new XElement("proxy", new XElement("listen", p.ListenText), new XElement("upstream", p.Upstream.ToString()))).ToArray();
        new XDocument(new XElement(
            "runtime",
            new XComment(" esper run settings; every element is optional and docs/hybrid.md describes each one. A command-line option overrides its element. "),
            new XComment(" The decision endpoint, an http:// loopback address (--listen). "),
            new XElement("listen", Listen),
            new XComment(" Seconds between rounds with origin: config, active mitigations, forwarding (1 to 86400; --sync-interval-seconds). "),
            new XElement("sync_interval_seconds", SyncIntervalSeconds),
            new XComment(" Events per beacon call to origin (1 to 100). "),
            new XElement("forward_batch_size", ForwardBatchSize),
            new XComment(" Most bytes the forward queue under data/forward/ may hold; when full, new events are not queued (at least 1048576). "),
            new XElement("max_queue_bytes", MaxQueueBytes),
            new XComment(" Log rotation: bytes per file (at least 65536) and rotated files kept (1 to 100). "),
            new XElement("max_log_bytes", MaxLogBytes),
            new XElement("keep_log_files", KeepLogFiles),
            new XComment(" Enforcing proxies, none by default: one <proxy> per app, each on a loopback port of its own (--proxy replaces them all). "),
            proxies)).Save(path);
    }

    private List<ProxyRoute> ReadProxies(XElement root)
    {
        var proxies = new List<ProxyRoute>();
        foreach (var (element, index) in root.Elements("proxy").Select(static (e, i) => (e, i + 1)))
        {
            var listen = ((string?)element.Element("listen"))?.Trim();
            var upstream = ((string?)element.Element("upstream"))?.Trim();
            if (listen is null || upstream is null)
            {
                _readErrors.Add($"<proxy> #{index} needs a <listen> and an <upstream> element");
            }
            else if (ProxyRoute.TryCreate(listen, upstream, out var error) is { } route)
            {
                proxies.Add(route);
            }
            else
            {
                _readErrors.Add($"<proxy> #{index}: {error}");
            }
        }

        return proxies;
    }

    private T Number<T>(XElement root, string name, T fallback)
        where T : IParsable<T>
    {
        if (root.Element(name) is not { } element)
        {
            return fallback;
        }

        if (T.TryParse(element.Value.Trim(), CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _readErrors.Add($"<{name}> must be a whole number, not '{element.Value}'");
        return fallback;
    }
}
