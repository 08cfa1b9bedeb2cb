namespace Esper.Storage.KeyValue;

/// <summary>
/// A store that can hold keys in memory instead of writing a claim: one whose process is the only writer of its
/// data (the embedded store owning its file). Null <see cref="Reservations"/> when it shares its data.
/// </summary>
internal interface IHoldsKeysInMemory
{
    KeyReservations? Reservations { get; }
}
