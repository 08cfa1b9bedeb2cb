namespace Esper.Core.Engine;

/// <summary>
/// The largest list sizes a policy set's plans have needed, used as the next plans' initial capacities: requests
/// to one tenant enter a similar number of policies, so a plan's lists are allocated once instead of growing
/// through 4, 8, 16 entries. Capped so one unusual request cannot make every later plan large. Racy by design:
/// a lost update only costs one list growth.
/// </summary>
internal sealed class PlanSizes
{
    private const int Cap = 64;
    private const int Minimum = 4;

    private int _candidates = Minimum;
    private int _scoped = Minimum;

    public int Candidates => Volatile.Read(ref _candidates);

    public int Scoped => Volatile.Read(ref _scoped);

    public void Observe(int candidates, int scoped)
    {
        if (candidates > Candidates)
        {
            Volatile.Write(ref _candidates, Math.Min(candidates, Cap));
        }

        if (scoped > Scoped)
        {
            Volatile.Write(ref _scoped, Math.Min(scoped, Cap));
        }
    }
}
