namespace Esper.Api.Auth;

/// <summary>How far Esper trusts a key's traffic; <c>external</c> is the default.</summary>
internal static class TrustLevels
{
    public const string External = "external";

    public static readonly string[] All = [External, "internal", "trusted"];
}
