namespace Esper.Storage.DynamoDb;

/// <summary>Validates counter names before they become attribute names.</summary>
internal static class CounterNames
{
    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"Counter name '{name}' is not [A-Za-z0-9_]+.", nameof(name));
        }
    }
}
