namespace Esper.Storage.KeyValue;

/// <summary>The rule every backend applies to counter names: one or more of [A-Za-z0-9_].</summary>
public static class CounterNames
{
    /// <summary>True when <paramref name="name"/> is a valid counter name.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
