namespace Esper.Core.Expressions;

/// <summary>The string tests, written as methods in the text form.</summary>
internal enum TextTest : byte
{
    Contains,
    StartsWith,
    EndsWith,
    Matches,
}
