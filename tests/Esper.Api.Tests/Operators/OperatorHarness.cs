using System.Text.Json;
using Esper.Api.Http;
using Esper.Api.Operators;
using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Operators;

/// <summary>The handler with the development issuer on, and helpers to act as a signed-in operator.</summary>
internal sealed class OperatorHarness : IDisposable
{
    public const string DevSecret = "a-development-secret-of-at-least-32-chars";

    public OperatorHarness(Action<EsperApiOptions>? configure = null) =>
        Api = new ApiHarness(options =>
        {
            options.OperatorAuth.DevSecret = DevSecret;
            configure?.Invoke(options);
        });

    public ApiHarness Api { get; }

    public string Token(string userId, TimeSpan? lifetime = null, string secret = DevSecret) =>
        DevTokens.Create(secret, userId, Api.Time.GetUtcNow(), lifetime ?? TimeSpan.FromMinutes(15));

    /// <summary>Sends as <paramref name="userId"/> with a fresh development token, naming <paramref name="tenant"/> in x-esper-tenant (unless null).</summary>
    public Task<(int Status, JsonElement Body, ApiResponse Raw)> AsUserAsync(string userId, string method, string path, string? json = null, string? tenant = "default") =>
        WithTokenAsync(Token(userId), method, path, json, tenant);

    public Task<(int Status, JsonElement Body, ApiResponse Raw)> WithTokenAsync(string token, string method, string path, string? json = null, string? tenant = "default")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer " + token };
        if (tenant is not null)
        {
            headers[OperatorCallers.TenantHeader] = tenant;
        }

        return Api.SendAsync(method, path, json, key: null, extraHeaders: headers);
    }

    /// <summary>Makes <paramref name="userId"/> a member with the admin key.</summary>
    public async Task AddMemberAsync(string userId, string role)
    {
        var result = await Api.SendAsync("POST", "/api/v1/tenants/default/memberships", $$"""{"user_id":"{{userId}}","role":"{{role}}"}""");
        Assert.Equal(200, result.Status);
    }

    public void Dispose() => Api.Dispose();
}
