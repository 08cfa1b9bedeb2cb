namespace Esper.Api.Json;

/// <summary>Counts per minute from <see cref="From"/> until <see cref="To"/>, oldest first; <see cref="PolicyId"/> for one policy's timeline.</summary>
internal sealed record TimelineView(string? PolicyId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<MinuteView> Minutes);
