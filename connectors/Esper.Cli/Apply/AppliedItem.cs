using System.Text.Json.Nodes;

namespace Esper.Cli.Apply;

/// <summary>A plan step after it ran: the resource as Esper now stores it.</summary>
internal sealed record AppliedItem(PlanItem Step, JsonObject Resource);
