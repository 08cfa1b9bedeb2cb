namespace Esper.Client;

/// <summary>The attributes of the challenge pass cookie.</summary>
public sealed record PassCookie(string Name, string Value, long MaxAge, string Path, bool Secure, bool HttpOnly, string SameSite);
