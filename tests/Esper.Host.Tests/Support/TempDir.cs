namespace Esper.Host.Tests.Support;

/// <summary>Fresh directories under the system temp folder.</summary>
internal static class TempDir
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "esper-host-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }
}
