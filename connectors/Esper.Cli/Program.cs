using Esper.Cli;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;

return await CliApp.RunAsync(CliEnvironment.FromProcess(), new EsperApiFactory(), args).ConfigureAwait(false);
