namespace Esper.Storage.AzureTables;

/// <summary>Applies a <see cref="CounterUpdate"/> to counters read from an entity, in the contract's order: add, set, remove.</summary>
internal static class CounterMath
{
    public static void Validate(CounterUpdate update)
    {
        foreach (string name in update.Add.Keys.Concat(update.Set.Keys).Concat(update.Remove))
        {
            // Counter names become property names, which must be valid C# identifiers for Azure.
            if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Counter name '{name}' is not [A-Za-z0-9_]+.", nameof(update));
            }
        }

        foreach (string name in update.Remove)
        {
            if (update.Add.ContainsKey(name) || update.Set.ContainsKey(name))
            {
                throw new ArgumentException($"Counter '{name}' is both changed and removed.", nameof(update));
            }
        }
    }

    public static void Apply(Dictionary<string, long> counters, CounterUpdate update)
    {
        foreach (var (name, amount) in update.Add)
        {
            counters[name] = counters.GetValueOrDefault(name) + amount;
        }

        foreach (var (name, value) in update.Set)
        {
            counters[name] = value;
        }

        foreach (string name in update.Remove)
        {
            counters.Remove(name);
        }
    }
}
