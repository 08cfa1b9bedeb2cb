namespace Esper.Api.Json;

/// <summary>One minute of a timeline; traffic minutes carry <c>allow</c>, policy minutes <c>observe</c> and <c>dry_run</c>.</summary>
internal sealed record MinuteView(DateTimeOffset Start, long Total, long? Allow, long? Observe, long Challenge, long Block, long? DryRun);
