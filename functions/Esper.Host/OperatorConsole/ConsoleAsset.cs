namespace Esper.Host.OperatorConsole;

/// <summary>One embedded console file.</summary>
internal sealed record ConsoleAsset(byte[] Content, string ContentType, string ETag);
