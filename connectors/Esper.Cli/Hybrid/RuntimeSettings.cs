using System.Globalization;
using System.Xml.Linq;

namespace Esper.Cli.Hybrid;

/// <summary>
/// <c>~/.esper/runtime.xml</c>, the daemon's settings (docs/hybrid.md has the schema). Every element is optional;
/// a missing file is written with the defaults on the first <c>esper run</c>.
/// </summary>
internal sealed class RuntimeSettings
{
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

    /// <summary>Problems with the values, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(Listen, UriKind.Absolute, out var uri) || uri.Scheme != "http" || !(uri.IsLoopback))
        {
            errors.Add($"listen must be an http:// loopback address such as http://127.0.0.1:8787, not '{Listen}'");
        }

        if (SyncIntervalSeconds is < 1 or > 86400)
        {
            errors.Add("sync_interval_seconds must be from 1 to 86400");
        }

        if (ForwardBatchSize is < 1 or > 100)
        {
            errors.Add("forward_batch_size must be from 1 to 100");
        }

        if (MaxQueueBytes < 1024 * 1024)
        {
            errors.Add("max_queue_bytes must be at least 1048576 (1 MiB)");
        }

        if (MaxLogBytes < 64 * 1024 || KeepLogFiles is < 1 or > 100)
        {
            errors.Add("max_log_bytes must be at least 65536 and keep_log_files from 1 to 100");
        }

        return errors;
    }

    public static RuntimeSettings Load(string path)
    {
        var settings = new RuntimeSettings();
        if (!File.Exists(path))
        {
            settings.Save(path);
            return settings;
        }

        var root = XDocument.Load(path).Root ?? throw new InvalidDataException($"{path} has no root element");
        settings.Listen = (string?)root.Element("listen") ?? settings.Listen;
        settings.SyncIntervalSeconds = Number(root, "sync_interval_seconds", settings.SyncIntervalSeconds);
        settings.ForwardBatchSize = Number(root, "forward_batch_size", settings.ForwardBatchSize);
        settings.MaxQueueBytes = Number(root, "max_queue_bytes", settings.MaxQueueBytes);
        settings.MaxLogBytes = Number(root, "max_log_bytes", settings.MaxLogBytes);
        settings.KeepLogFiles = Number(root, "keep_log_files", settings.KeepLogFiles);
        return settings;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        new XDocument(new XElement(
            "runtime",
            new XComment(" esper run settings; docs/hybrid.md describes each element "),
            new XElement("listen", Listen),
            new XElement("sync_interval_seconds", SyncIntervalSeconds),
            new XElement("forward_batch_size", ForwardBatchSize),
            new XElement("max_queue_bytes", MaxQueueBytes),
            new XElement("max_log_bytes", MaxLogBytes),
            new XElement("keep_log_files", KeepLogFiles))).Save(path);
    }

    private static T Number<T>(XElement root, string name, T fallback)
        where T : IParsable<T> =>
        root.Element(name) is { } element
            ? T.TryParse(element.Value.Trim(), CultureInfo.InvariantCulture, out var value) ? value : throw new InvalidDataException($"runtime.xml: <{name}> must be a whole number, not '{element.Value}'")
            : fallback;
}
