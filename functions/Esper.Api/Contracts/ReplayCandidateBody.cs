namespace Esper.Api.Contracts;

/// <summary>A replay's candidate: exactly one of a whole <c>config</c> or <c>changes</c> over the live config.</summary>
internal sealed record ReplayCandidateBody(ReplayResourcesBody? Config = null, ReplayChangesBody? Changes = null);
