using System.Text.Json;

namespace Esper.Api.Contracts;

/// <summary>The body of <c>POST /api/v1/expressions/validate</c>: one expression, as text (a JSON string) or as a tree (a JSON object).</summary>
internal sealed record ExpressionCheckBody(JsonElement Expression);
