using System.Globalization;

namespace Esper.Core.Engine;

/// <summary>The short human explanation of a decision.</summary>
internal static class DecisionReasons
{
    public static string Describe(Best enforced, Best dryRun, bool waivedAny)
    {
        if (enforced.Match is { } match)
        {
            return $"{match.Mode.Outcome().WireName()} by policy '{enforced.Policy!.Name}' clause {match.ClauseIndex}{Detail(match, enforced.Clause!)}";
        }

        var text = waivedAny ? "challenge waived by a valid pass" : "no enforced policy fired";
        if (dryRun.Match is { } dry)
        {
            text += $"; dry run: policy '{dryRun.Policy!.Name}' clause {dry.ClauseIndex} would {dry.Mode.WireName()}";
        }

        return text;
    }

    private static string Detail(DecisionMatch match, CompiledClause clause)
    {
        if (match.PenaltyActive && match.PenaltyExpiresAt is { } until)
        {
            return $" (active until {DateTimeOffset.FromUnixTimeSeconds(until).ToString("u", CultureInfo.InvariantCulture)})";
        }

        return match.WindowCount is { } count && clause.Window is { } window
            ? $" ({count} matching events in {window.Seconds}s, threshold {window.Threshold})"
            : "";
    }
}
