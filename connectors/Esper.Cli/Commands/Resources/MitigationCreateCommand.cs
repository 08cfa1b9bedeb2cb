using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;

namespace Esper.Cli.Commands.Resources;

/// <summary><c>esper mitigation create</c>.</summary>
internal sealed class MitigationCreateCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : CreateCommand<MitigationCreateSettings>(environment, apiFactory)
{
    protected override ResourceKind Kind => ResourceKind.Mitigation;

    protected override void ApplyFlags(JsonObject resource, MitigationCreateSettings settings, bool fromFlags)
    {
        if (settings.Mode is not null)
        {
            resource["mode"] = settings.Mode;
        }
        else if (fromFlags)
        {
            throw new UsageException("--mode (monitor, challenge or block) is required to create a mitigation from flags");
        }

        if (settings.DurationSeconds is { } duration)
        {
            resource["duration_seconds"] = duration;
        }

        if (settings.StatusCode is not null || settings.Message is not null)
        {
            var block = resource["block"] as JsonObject ?? [];
            if (settings.StatusCode is { } status)
            {
                block["status_code"] = status;
            }

            if (settings.Message is not null)
            {
                block["message"] = settings.Message;
            }

            if (block.Parent is null)
            {
                resource["block"] = block;
            }
        }

        if (settings.Provider is not null)
        {
            var challenge = resource["challenge"] as JsonObject ?? [];
            challenge["provider"] = settings.Provider;
            if (challenge.Parent is null)
            {
                resource["challenge"] = challenge;
            }
        }
    }
}
