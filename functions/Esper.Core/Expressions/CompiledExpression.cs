using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary>
/// A parsed, type-checked expression compiled once into a delegate. Evaluating never throws: absent fields are absent
/// (see docs/expressions.md). Safe to share across threads.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Func<EncodedRequest, bool> _predicate;

    internal CompiledExpression(Func<EncodedRequest, bool> predicate, string canonicalText)
    {
        _predicate = predicate;
        CanonicalText = canonicalText;
    }

    /// <summary>The expression in the text form, normalised (both source forms of one expression print the same).</summary>
    public string CanonicalText { get; }

    /// <summary>Evaluates the expression against one encoded request.</summary>
    public bool Evaluate(EncodedRequest request) => _predicate(request);

    /// <summary>An expression that always holds.</summary>
    public static CompiledExpression True { get; } = new(static _ => true, "true");

    /// <summary>Wraps a predicate (engine tests and benchmarks that need an expression without parsing one).</summary>
    internal static CompiledExpression FromPredicate(Func<EncodedRequest, bool> predicate, string text) => new(predicate, text);
}
