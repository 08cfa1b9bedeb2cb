using Microsoft.Extensions.DependencyInjection;

namespace Esper.Storage;

/// <summary>
/// A store a host can run on, named as <c>ESPER_STORE</c> names it, with the reader of its own settings: the one
/// settings reader of the hosts asks the chosen store to read its variables and register itself.
/// </summary>
public sealed class StoreChoice
{
    private readonly Func<Func<string, string?>, ICollection<string>, Action<IServiceCollection>?> _read;

    /// <summary>
    /// A store called <paramref name="name"/> whose <paramref name="read"/> reads its settings, adding one message per
    /// missing or malformed variable (naming it) to the list, and returns the registration of its
    /// <c>IKeyValueStore</c>, or null when a setting was refused.
    /// </summary>
    public StoreChoice(string name, Func<Func<string, string?>, ICollection<string>, Action<IServiceCollection>?> read)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(read);
        Name = name;
        _read = read;
    }

    /// <summary>The value of <c>ESPER_STORE</c> that picks this store, lower case.</summary>
    public string Name { get; }

    /// <summary>Reads the store's settings through <paramref name="environment"/>; see the constructor for the contract.</summary>
    public Action<IServiceCollection>? Read(Func<string, string?> environment, ICollection<string> errors) => _read(environment, errors);
}
