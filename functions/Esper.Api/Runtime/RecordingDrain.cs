using Microsoft.Extensions.Hosting;

namespace Esper.Api.Runtime;

/// <summary>
/// In a generic host (the ASP.NET Core host, the Azure Functions worker), finishes the record writes started after
/// answers once every hosted service, the web server included, has stopped and before the services are disposed.
/// A process killed instead leaves journal entries, from which another process writes the records.
/// </summary>
internal sealed class RecordingDrain(PendingRecordings recordings) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => recordings.DrainAsync(cancellationToken);
}
