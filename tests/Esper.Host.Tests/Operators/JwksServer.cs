using System.Net;
using System.Security.Cryptography;
using System.Text;
using Esper.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esper.Host.Tests.Operators;

/// <summary>An identity provider stand-in: serves a JWKS document on 127.0.0.1 and signs RS256 tokens with its current key.</summary>
internal sealed class JwksServer : IDisposable
{
    public const string Issuer = "https://idp.test/";
    public const string Audience = "esper-operators";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile RsaSecurityKey _key = NewKey("k1");

    public JwksServer()
    {
        var port = LoopbackPort.Free();
        Url = new Uri($"http://127.0.0.1:{port}/.well-known/jwks.json");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public int Fetches { get; private set; }

    /// <summary>Replaces the signing key (the old one is no longer published), as a provider's rotation does.</summary>
    public void Rotate(string keyId) => _key = NewKey(keyId);

    public string Token(string userId, DateTimeOffset now, TimeSpan lifetime, RsaSecurityKey? signWith = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["sub"] = userId },
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(signWith ?? _key, SecurityAlgorithms.RsaSha256),
        });

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Fetches++;
            var parameters = _key.Rsa.ExportParameters(false);
            var json = $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{_key.KeyId}}","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}"}]}""";
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
