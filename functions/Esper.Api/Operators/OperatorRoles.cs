namespace Esper.Api.Operators;

/// <summary>The roles of a tenant membership, lowest first; each role may do everything the roles below it may.</summary>
internal static class OperatorRoles
{
    public const string Viewer = "Viewer";
    public const string Analyst = "Analyst";
    public const string Admin = "Admin";
    public const string Owner = "Owner";

    /// <summary>Every role, lowest first (the order is the rank).</summary>
    public static readonly string[] All = [Viewer, Analyst, Admin, Owner];

    /// <summary>The role's rank (0 for Viewer), or -1 for an unknown role.</summary>
    public static int Rank(string role) => Array.IndexOf(All, role);

    public static bool Allows(string role, string required) => Rank(role) >= Rank(required);
}
