namespace Esper.Core.Expressions;

/// <summary>The relational operators.</summary>
internal enum CompareOp : byte
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}
