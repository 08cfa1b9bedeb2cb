using System.Diagnostics;
using System.Globalization;
using System.Net;
using Esper.Connectors.Testing;

namespace Esper.AspNetCore.Tests.Packaging;

/// <summary>
/// The packages as a customer gets them: packed to a local folder feed, added with <c>dotnet add package --source</c>
/// to a fresh app outside the solution (no repository props, no project references), built and run against a real
/// Esper host with only <c>ESPER_API_URL</c> and <c>ESPER_API_KEY</c> set.
/// </summary>
public sealed class PackageTests(EsperAndSampleFixture fixture) : IClassFixture<EsperAndSampleFixture>
{
    private static readonly string[] Packages = ["Esper.Client", "Esper.AspNetCore", "Esper.AspNetCore.Functions", "Esper.Lambda"];

    private const string AppProgram = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddEsper();
        var app = builder.Build();
        app.UseEsper();
        app.MapPost("/login", () => "signed in");
        app.Run();
        """;

    private const string AppProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;

    private const string WorkerProgram = """
        using Microsoft.Azure.Functions.Worker.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddEsper();
        builder.UseEsper();
        builder.Build().Run();
        """;

    private const string WorkerProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;

    [Fact]
    public async Task A_fresh_app_with_the_packed_packages_blocks_the_sixth_login()
    {
        var root = EsperHostProcess.RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var work = Directory.CreateTempSubdirectory("esper-package-test-").FullName;
        var feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
        var appDir = Directory.CreateDirectory(Path.Combine(work, "app")).FullName;

        // A version no earlier run used, so the global package cache cannot serve a stale copy.
        var version = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        foreach (var project in Packages)
        {
            await Cli.RunAsync(root, "dotnet", "pack", Path.Combine(root, "connectors", project, project + ".csproj"), "-c", configuration, "--no-build", "-o", feed, "-p:PackageVersion=" + version);
            PackageAssert.IsPublishable(feed, project, version);
        }

        await File.WriteAllTextAsync(Path.Combine(appDir, "FreshApp.csproj"), AppProject);
        await File.WriteAllTextAsync(Path.Combine(appDir, "Program.cs"), AppProgram);
        await Cli.RunAsync(appDir, "dotnet", "add", "package", "Esper.AspNetCore", "--version", version, "--source", feed);
        await Cli.RunAsync(appDir, "dotnet", "build", "-c", "Release", "--no-restore");

        // A Functions worker's Program compiles against the worker package alone (the Functions host cannot run here).
        var workerDir = Directory.CreateDirectory(Path.Combine(work, "worker")).FullName;
        await File.WriteAllTextAsync(Path.Combine(workerDir, "FreshWorker.csproj"), WorkerProject);
        await File.WriteAllTextAsync(Path.Combine(workerDir, "Program.cs"), WorkerProgram);
        await Cli.RunAsync(workerDir, "dotnet", "add", "package", "Esper.AspNetCore.Functions", "--version", version, "--source", feed);
        await Cli.RunAsync(workerDir, "dotnet", "build", "-c", "Release", "--no-restore");

        var key = await fixture.Admin.CreateApiKeyAsync(new Esper.Client.ApiKeyCreate("fresh-app", "runtime"));
        var url = $"http://127.0.0.1:{EsperHostProcess.FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appDir, "bin", "Release", "net10.0", "FreshApp.dll"), "--urls", url])
        {
            WorkingDirectory = appDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ESPER_API_URL"] = fixture.Esper.BaseAddress.ToString();
        start.Environment["ESPER_API_KEY"] = key.Secret;
        start.Environment["Esper__AttemptTimeout"] = "5000";
        start.Environment["Esper__DecisionTimeout"] = "15000";
        using var app = Process.Start(start)!;
        app.OutputDataReceived += static (_, _) => { };
        app.ErrorDataReceived += static (_, _) => { };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("fresh-app-tests");
            await WaitListeningAsync(http, app);

            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 6; i++)
            {
                using var response = await http.PostAsync(new Uri("/login", UriKind.Relative), null);
                statuses.Add(response.StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden], statuses);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            Directory.Delete(work, recursive: true);
            ForgetCachedPackages(version);
        }
    }

    /// <summary>Removes this run's packages from the global package folder so test runs do not pile up versions there.</summary>
    private static void ForgetCachedPackages(string version)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var project in Packages)
        {
            var copy = Path.Combine(cache, project.ToLowerInvariant(), version);
            if (Directory.Exists(copy))
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }

    private static async Task WaitListeningAsync(HttpClient http, Process app)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(app.HasExited, "the fresh app exited");
            try
            {
                using var probe = await http.GetAsync(new Uri("/nothing-here", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("The fresh app did not listen within 60 s.");
    }
}
