namespace Esper.Api.Auth;

/// <summary>Key scopes: admin keys may do everything, runtime keys only call the runtime and beacon endpoints.</summary>
internal static class KeyScopes
{
    public const string Admin = "admin";
    public const string Runtime = "runtime";

    public static readonly string[] All = [Admin, Runtime];
}
