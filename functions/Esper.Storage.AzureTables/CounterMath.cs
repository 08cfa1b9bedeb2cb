namespace Esper.Storage.AzureTables;

/// <summary>Applies a <see cref="CounterUpdate"/> to counters read from an entity, in the contract's order: add, set, remove.</summary>
internal static class CounterMath
{
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
