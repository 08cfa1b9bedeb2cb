namespace Esper.Core.Tests.Expressions;

/// <summary>A generated expression, rendered independently into the text form and the tree form.</summary>
/// <param name="Kind">and, or, not, or a tree operator name.</param>
internal sealed record GeneratedNode(string Kind, IReadOnlyList<GeneratedNode> Children, GeneratedField? Field = null, IReadOnlyList<object>? Values = null);
