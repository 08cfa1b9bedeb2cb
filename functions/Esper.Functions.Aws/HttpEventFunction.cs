using System.Text.Json;
using Esper.Api.Http;
using Esper.Functions.Aws.Events;
using Esper.Functions.Aws.Runtime;

namespace Esper.Functions.Aws;

/// <summary>
/// The function body: one HTTP event in, one response document out. It only translates between AWS's shapes and
/// the shared handler; every decision is the handler's.
/// </summary>
internal sealed class HttpEventFunction(IApiHandler handler)
{
    /// <summary>Error type reported for events that are not API Gateway or function URL HTTP events.</summary>
    public const string InvalidEventErrorType = "Esper.InvalidEvent";

    /// <summary>Error type reported when the handler fails unexpectedly.</summary>
    public const string HandlerErrorType = "Esper.HandlerFailed";

    public async Task<InvocationOutcome> InvokeAsync(byte[] payload, CancellationToken cancellationToken)
    {
        var translated = EventTranslator.Translate(payload, out var error);
        if (translated is null)
        {
            return InvocationOutcome.Failure(InvalidEventErrorType, error ?? "The event is not an HTTP event.");
        }

        ApiResponse response;
        try
        {
            response = await handler.HandleAsync(translated.Request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The handlers answer bad input with problem+json themselves; reaching here is a defect or an outage,
            // which Lambda should count as a failed invocation.
            return InvocationOutcome.Failure(HandlerErrorType, ex.Message);
        }

        var document = translated.Format == PayloadFormat.V2
            ? JsonSerializer.SerializeToUtf8Bytes(ResponseTranslator.ToV2(response), EventJsonContext.Default.HttpResultV2)
            : JsonSerializer.SerializeToUtf8Bytes(ResponseTranslator.ToV1(response), EventJsonContext.Default.HttpResultV1);
        return InvocationOutcome.Success(document);
    }
}
