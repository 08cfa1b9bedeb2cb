using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Esper.Api;
using Esper.Functions.Aws.Tests.Process;
using Esper.Functions.Aws.Tests.Runtime;
using Esper.Functions.Azure.Composition;
using Esper.Functions.Azure.Functions;
using Esper.Functions.Azure.Http;
using Esper.Functions.Azure.Tests.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Esper.Testing;

namespace Esper.Functions.EndToEnd.Tests;

/// <summary>
/// The local host (process, HTTP on loopback), the Lambda function (process, Runtime API on loopback) and the Azure
/// triggers (in-process) over ONE embedded store file: the same tenant state seen through three transports.
/// </summary>
internal sealed class ThreeHosts : IAsyncDisposable
{
    public const string AdminKey = "esk_default_a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6";

    private readonly string _dataDirectory;
    private readonly ChildProcess _host;
    private readonly HttpClient _http;
    private readonly FakeRuntimeApi _runtimeApi;
    private readonly ChildProcess _lambda;
    private readonly ServiceProvider? _azure;

    private ThreeHosts(string dataDirectory, ChildProcess host, HttpClient http, FakeRuntimeApi runtimeApi, ChildProcess lambda, ServiceProvider? azure)
    {
        _dataDirectory = dataDirectory;
        _host = host;
        _http = http;
        _runtimeApi = runtimeApi;
        _lambda = lambda;
        _azure = azure;
    }

    /// <summary>All three over one SQLite file, which they share (one process owns a data directory unless told to share it).</summary>
    public static Task<ThreeHosts> StartOnSqliteAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("esper-e2e-").FullName;
        return StartAsync(dataDirectory, new Dictionary<string, string>
        {
            ["ESPER_STORE"] = "sqlite",
            ["ESPER_DATA_DIR"] = dataDirectory,
            ["ESPER_DATA_DIR_SHARED"] = "true",
        }, withAzure: true);
    }

    /// <summary>
    /// The local host and the Lambda function over one DynamoDB table (dynalite); the Azure app has no DynamoDB
    /// store, so it sits this one out.
    /// </summary>
    public static Task<ThreeHosts> StartOnDynamoDbAsync(Uri dynamoDb) =>
        StartAsync(Directory.CreateTempSubdirectory("esper-e2e-").FullName, new Dictionary<string, string>
        {
            ["ESPER_STORE"] = "dynamodb",
            ["ESPER_DYNAMODB_TABLE"] = "esper-" + Guid.NewGuid().ToString("N"),
            ["ESPER_DYNAMODB_SERVICE_URL"] = dynamoDb.ToString(),
            ["ESPER_DYNAMODB_CREATE_TABLE"] = "true",
            ["AWS_REGION"] = "us-east-1",
            // dynalite checks that requests are signed, not by whom.
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
        }, withAzure: false);

    private static async Task<ThreeHosts> StartAsync(string dataDirectory, Dictionary<string, string> common, bool withAzure)
    {
        common["ESPER_BOOTSTRAP_ADMIN_KEY"] = AdminKey;

        var port = LoopbackPort.Free();
        var host = ChildProcess.Start(Executables.LocalHost(), [], new Dictionary<string, string>(common) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForHealthAsync(http, host);

        var runtimeApi = await FakeRuntimeApi.StartAsync();
        var lambda = ChildProcess.Start(Executables.LambdaBootstrap(), [], new Dictionary<string, string>(common) { ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi.Address });

        ServiceProvider? azure = null;
        if (withAzure)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(common.ToDictionary(p => p.Key, p => (string?)p.Value)).Build();
            var settings = FunctionSettings.Read(configuration);
            azure = new ServiceCollection().AddLogging().AddEsperFunctions(settings).BuildServiceProvider();
            await EsperBootstrap.EnsureDefaultTenantAsync(azure, settings.BootstrapAdminKey);
        }

        return new ThreeHosts(dataDirectory, host, http, runtimeApi, lambda, azure);
    }

    /// <summary>Through the local host over HTTP.</summary>
    public async Task<(int Status, string Body)> HostAsync(string method, string path, string? json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("x-esper-api-key", AdminKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Through the Lambda function, as an HTTP API (payload 2.0) event with a base64 body.</summary>
    public async Task<(int Status, string Body)> LambdaAsync(string method, string path, string? json)
    {
        var evt = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "$default",
            ["rawPath"] = path,
            ["rawQueryString"] = "",
            ["headers"] = new JsonObject { ["content-type"] = "application/json", ["x-esper-api-key"] = AdminKey },
            ["requestContext"] = new JsonObject
            {
                ["http"] = new JsonObject { ["method"] = method, ["path"] = path, ["sourceIp"] = "198.51.100.20" },
                ["stage"] = "$default",
            },
            ["body"] = json is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(json)),
            ["isBase64Encoded"] = json is not null,
        };
        var answer = await _runtimeApi.InvokeAsync(evt.ToJsonString());
        Assert.True(answer.Kind == "response", $"{answer.Kind} {answer.ErrorType} {answer.Body}\n{_lambda.Output}");
        var result = JsonNode.Parse(answer.Body)!;
        return ((int)result["statusCode"]!, (string)result["body"]!);
    }

    /// <summary>Through the Azure trigger for the route, in-process.</summary>
    public async Task<(int Status, string Body)> AzureAsync(string method, string path, string? json)
    {
        var services = _azure ?? throw new InvalidOperationException("The Azure app runs only over the embedded store here.");
        var context = FunctionCall.NewContext(method, path, json);
        context.Request.Headers["x-esper-api-key"] = AdminKey;
        Func<Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> trigger = path == "/api/v1/runtime/mitigation"
            ? ActivatorUtilities.CreateInstance<RuntimeFunctions>(services).RuntimeMitigation
            : services.GetRequiredService<FunctionDispatcher>().DispatchAsync;
        var (status, _, body) = await FunctionCall.RunAsync(context, trigger);
        return (status, body);
    }

    /// <summary>
    /// Through the local host over a raw socket, so each repeated header travels as a line of its own (HttpClient
    /// would fold them into one); the whole answer with its Content-Type.
    /// </summary>
    public async Task<Answer> HostRawAsync(string method, string path, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _http.BaseAddress!.Port);
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\nx-esper-api-key: {AdminKey}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);
        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lines = text[..split].Split("\r\n");
        var contentType = lines.Skip(1).Select(l => l.Split(':', 2)).Single(p => p[0].Equals("Content-Type", StringComparison.OrdinalIgnoreCase))[1].Trim();
        return new Answer(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), contentType, text[(split + 4)..]);
    }

    /// <summary>Through the local host over HTTP; the whole answer with its Content-Type.</summary>
    public async Task<Answer> HostAnswerAsync(string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-esper-api-key", AdminKey);
        using var response = await _http.SendAsync(request);
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Through the Azure dispatcher with these request headers (a repeated name arrives as several values, as the worker passes it on).</summary>
    public async Task<Answer> AzureAnswerAsync(string method, string path, IReadOnlyList<KeyValuePair<string, string>> headers, string? body = null)
    {
        var services = _azure ?? throw new InvalidOperationException("The Azure app runs only over the embedded store here.");
        var context = FunctionCall.NewContext(method, path, body);
        context.Request.Headers["x-esper-api-key"] = AdminKey;
        foreach (var group in headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            context.Request.Headers[group.Key] = new Microsoft.Extensions.Primitives.StringValues(group.Select(h => h.Value).ToArray());
        }

        var (status, responseHeaders, answer) = await FunctionCall.RunAsync(context, services.GetRequiredService<FunctionDispatcher>().DispatchAsync);
        return new Answer(status, responseHeaders.ContentType.ToString(), answer);
    }

    public async ValueTask DisposeAsync()
    {
        _lambda.Dispose();
        await _runtimeApi.DisposeAsync();
        _host.Dispose();
        _http.Dispose();
        if (_azure is not null)
        {
            await _azure.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static async Task WaitForHealthAsync(HttpClient http, ChildProcess host)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"the local host exited:\n{host.Output}");
            }

            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"the local host did not become healthy:\n{host.Output}");
    }
}
