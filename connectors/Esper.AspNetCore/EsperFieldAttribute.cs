namespace Esper.AspNetCore;

/// <summary>A fixed <c>fields.&lt;name&gt;</c> value sent with every request to this endpoint (also what <c>.WithEsperFields(...)</c> adds).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class EsperFieldAttribute(string name, string value) : Attribute
{
    /// <summary>The field's name.</summary>
    public string Name { get; } = name;

    /// <summary>The field's value.</summary>
    public string Value { get; } = value;
}
