namespace Esper.Core.Engine;

/// <summary>A policy whose scope held, and the range of its candidates in the plan.</summary>
internal readonly record struct ScopedPolicy(CompiledPolicy Policy, int Start, int End);
