using Esper.Api.Http;

namespace Esper.Api.Runtime;

/// <summary>
/// What the checks that run beside a decision's counter round concluded: go ahead, refuse with an answer (the rate
/// limit), or start over because the cached config turned out to be stale.
/// </summary>
internal readonly record struct Admission(ApiResponse? Refusal, bool Stale)
{
    /// <summary>The decision may be answered.</summary>
    public static Admission Granted => default;

    /// <summary>True when neither refused nor stale.</summary>
    public bool IsGranted => Refusal is null && !Stale;
}
