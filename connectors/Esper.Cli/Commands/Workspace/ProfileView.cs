using System.Text.Json.Nodes;
using Esper.Cli.Workspace;

namespace Esper.Cli.Commands.Workspace;

/// <summary>How a profile is printed: never a secret, only whether one is stored.</summary>
internal static class ProfileView
{
    public static JsonObject Json(string name, ProfileConfig profile, ProfileCredentials credentials, bool current) => new()
    {
        ["name"] = name,
        ["current"] = current,
        ["api_base"] = profile.ApiBase,
        ["tenant_id"] = profile.TenantId,
        ["api_key_stored"] = credentials.ApiKey is not null,
        ["operator_token_stored"] = credentials.OperatorToken is not null,
    };

    public static string[] Row(string name, ProfileConfig profile, ProfileCredentials credentials, bool current) =>
    [
        (current ? "* " : "  ") + name,
        profile.ApiBase ?? "-",
        profile.TenantId ?? "-",
        credentials.ApiKey is not null ? "api key" : credentials.OperatorToken is not null ? "operator token" : "none",
    ];

    public static readonly string[] Columns = ["PROFILE", "API BASE", "TENANT", "CREDENTIAL"];
}
