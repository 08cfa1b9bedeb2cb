using Esper.Api.Http;

namespace Esper.Functions.Aws.Events;

/// <summary>An HTTP event turned into the shared handlers' request, with the response shape it expects.</summary>
internal sealed record TranslatedEvent(ApiRequest Request, PayloadFormat Format);
