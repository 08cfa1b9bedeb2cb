namespace Esper.Functions.EndToEnd.Tests;

/// <summary>What a host answered: status, Content-Type and body, compared whole between hosts.</summary>
internal sealed record Answer(int Status, string ContentType, string Body);
