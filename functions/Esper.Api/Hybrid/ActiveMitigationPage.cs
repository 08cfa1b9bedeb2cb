namespace Esper.Api.Hybrid;

/// <summary>One page of the active-mitigations feed.</summary>
/// <param name="Items">Active penalties, oldest first.</param>
/// <param name="NextCursor">The cursor to pass as <c>since</c> next time (the last item's, or the one given when the page is empty).</param>
/// <param name="HasMore">True when more items follow this page.</param>
internal sealed record ActiveMitigationPage(IReadOnlyList<ActiveMitigation> Items, string? NextCursor, bool HasMore);
