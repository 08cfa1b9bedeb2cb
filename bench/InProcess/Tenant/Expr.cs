using System.Text.Json;
using Esper.Core.Resources;

namespace Esper.Bench.InProcess.Tenant;

/// <summary>Expressions in their text form, as a JSON string element (the shape resource documents carry).</summary>
internal static class Expr
{
    public static JsonElement Text(string text) => JsonSerializer.SerializeToElement(text, CoreJsonContext.Default.String);
}
