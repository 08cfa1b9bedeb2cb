namespace Esper.Core.Expressions;

/// <summary>The operators of the JSON tree form.</summary>
internal enum TreeOperator : byte
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
    StartsWith,
    EndsWith,
    Matches,
    In,
    InCidr,
    Exists,
}
