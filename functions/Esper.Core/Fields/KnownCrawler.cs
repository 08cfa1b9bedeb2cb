namespace Esper.Core.Fields;

/// <summary>A crawler recognised in the user agent: the token searched for and who operates it.</summary>
/// <param name="Token">The user-agent token (matched case-insensitively) and the value of the <c>crawler</c> field.</param>
/// <param name="Operator">The value of the <c>crawler_operator</c> field, e.g. <c>openai</c>.</param>
public sealed record KnownCrawler(string Token, string Operator);
