namespace Esper.Api.Auth;

/// <summary>Tenant ids are slugs: 1–40 characters of a–z, 0–9 and '-', starting with a letter or digit.</summary>
internal static class TenantIds
{
    public static bool IsValid(string value)
    {
        if (value.Length is 0 or > 40 || value[0] == '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
