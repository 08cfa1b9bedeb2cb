namespace Esper.Storage.Repositories;

/// <summary>The stored form of a key record: the record plus its secret's hash.</summary>
internal sealed record StoredApiKey(ApiKeyRecord Record, string SecretHash);
