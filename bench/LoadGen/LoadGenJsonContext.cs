using System.Text.Json.Serialization;

namespace Esper.Bench.LoadGen;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(LoadResult))]
internal sealed partial class LoadGenJsonContext : JsonSerializerContext;
