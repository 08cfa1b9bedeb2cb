using System.Globalization;

namespace Esper.Storage;

/// <summary>Reads the numeric settings the cloud stores take from their environment, with one wording for every error.</summary>
public static class StoreSettingText
{
    /// <summary>
    /// The whole number in <paramref name="name"/> within [<paramref name="min"/>, <paramref name="max"/>], or
    /// <paramref name="fallback"/> when it is unset; an invalid value adds an error naming the setting and returns the fallback.
    /// </summary>
    public static int WholeNumber(Func<string, string?> read, string name, int fallback, int min, int max, string unit, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(errors);
        if (read(name) is not { } raw || string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        var text = raw.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{name} must be a whole number of {unit} from {min} to {max}, got '{text}'.");
        return fallback;
    }
}
