using Esper.Bench.InProcess;
using Esper.Bench.InProcess.Http;
using Esper.Bench.InProcess.Tenant;

// In-process measurements through the shared handler (no HTTP): store round trips and scale; plus the tenant
// setup of the HTTP comparison against a running host.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: inprocess setup-http|stores|scale [--name value ...]");
    return 2;
}

var options = new Args(args[1..]);
switch (args[0])
{
    case "setup-http":
        using (var client = new HttpClient { BaseAddress = new Uri(options.Require("url")) })
        {
            var tenant = options.Get("policies") is { } n ? GeneratedTenant.Build(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)) : RealisticTenant.Build();
            Console.WriteLine(await TenantSetup.OverHttp(client, options.Require("admin-key")).ApplyAsync(tenant));
        }

        return 0;
    default:
        Console.Error.WriteLine($"unknown command {args[0]}");
        return 2;
}
