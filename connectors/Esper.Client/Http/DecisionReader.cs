using System.Text.Json;

namespace Esper.Client.Http;

/// <summary>
/// Reads the decision answer with one <see cref="Utf8JsonReader"/> pass: the serializer's metadata-driven reader
/// keeps a stack of frames for the nested lists and maps, which cost more than the decision itself. Field names and
/// null handling follow the source-generated contract; nested records that only a fired policy carries (matches,
/// mitigation, block) are still read by the generated metadata. The action and outcome words are shared strings.
/// </summary>
internal static class DecisionReader
{
    public static EsperDecision Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Esper's decision is not a JSON object.");
        }

        string decisionId = "", action = EsperActions.Allow, outcome = "", reason = "";
        string? redirectUrl = null, policyId = null, encodingVersion = null, configVersion = null;
        EsperMitigationRef? mitigation = null;
        EsperBlock? block = null;
        IReadOnlyList<EsperMatch> matches = [];
        IReadOnlyList<EsperActionRef> actions = [];
        IReadOnlyDictionary<string, string>? entities = null;
        DateTimeOffset decidedAt = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            switch (name)
            {
                case var n when n.SequenceEqual("decision_id"u8): decisionId = reader.GetString()!; break;
                case var n when n.SequenceEqual("action"u8): action = Word(ref reader); break;
                case var n when n.SequenceEqual("outcome"u8): outcome = Word(ref reader); break;
                case var n when n.SequenceEqual("reason"u8): reason = reader.GetString()!; break;
                case var n when n.SequenceEqual("redirect_url"u8): redirectUrl = reader.GetString(); break;
                case var n when n.SequenceEqual("policy_id"u8): policyId = Shared(ref reader); break;
                case var n when n.SequenceEqual("encoding_version"u8): encodingVersion = Shared(ref reader); break;
                case var n when n.SequenceEqual("config_version"u8): configVersion = Shared(ref reader); break;
                case var n when n.SequenceEqual("decided_at"u8): decidedAt = reader.GetDateTimeOffset(); break;
                case var n when n.SequenceEqual("entities"u8): entities = Entities(ref reader); break;
                case var n when n.SequenceEqual("actions"u8): actions = Actions(ref reader) is { } list ? list : []; break;
                case var n when n.SequenceEqual("matches"u8):
                    matches = JsonSerializer.Deserialize(ref reader, EsperJsonContext.Default.IReadOnlyListEsperMatch) ?? [];
                    break;
                case var n when n.SequenceEqual("mitigation"u8):
                    mitigation = JsonSerializer.Deserialize(ref reader, EsperJsonContext.Default.EsperMitigationRef);
                    break;
                case var n when n.SequenceEqual("block"u8):
                    block = JsonSerializer.Deserialize(ref reader, EsperJsonContext.Default.EsperBlock);
                    break;
                default: reader.Skip(); break;
            }
        }

        return new EsperDecision
        {
            DecisionId = decisionId, Action = action, RedirectUrl = redirectUrl, Mitigation = mitigation, PolicyId = policyId,
            Outcome = outcome, Matches = matches, Actions = actions, Entities = entities ?? EsperDecision.NoEntities, Reason = reason,
            EncodingVersion = encodingVersion, ConfigVersion = configVersion, DecidedAt = decidedAt, Block = block,
        };
    }

    private static string Word(ref Utf8JsonReader reader) => reader.ValueSpan switch
    {
        var v when !reader.ValueIsEscaped && v.SequenceEqual("allow"u8) => EsperActions.Allow,
        var v when !reader.ValueIsEscaped && v.SequenceEqual("block"u8) => EsperActions.Block,
        var v when !reader.ValueIsEscaped && v.SequenceEqual("challenge"u8) => EsperActions.Challenge,
        var v when !reader.ValueIsEscaped && v.SequenceEqual("observe"u8) => "observe",
        _ => reader.GetString()!,
    };

    private static IReadOnlyDictionary<string, string> Entities(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        KeyValuePair<string, string>[]? entries = null;
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var id = Shared(ref reader);
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                continue;
            }

            entries ??= new KeyValuePair<string, string>[4];
            if (count == entries.Length)
            {
                Array.Resize(ref entries, count * 2);
            }

            // Entity ids are unique in Esper's answer; a repeat would replace, as the generated reader's map does.
            var at = 0;
            while (at < count && !string.Equals(entries[at].Key, id, StringComparison.Ordinal))
            {
                at++;
            }

            entries[at] = new(id, reader.GetString()!);
            count = Math.Max(count, at + 1);
        }

        return entries is null ? EsperDecision.NoEntities : new EntityMap(entries, count);
    }

    private static List<EsperActionRef>? Actions(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        List<EsperActionRef>? actions = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string id = "", name = "";
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.ValueSpan;
                var isId = property.SequenceEqual("id"u8);
                var isName = property.SequenceEqual("name"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (isId || isName))
                {
                    _ = isId ? id = Shared(ref reader) : name = Shared(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            (actions ??= new List<EsperActionRef>(4)).Add(new EsperActionRef(id, name));
        }

        return actions;
    }

    private static string Shared(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || reader.HasValueSequence ? reader.GetString()! : Utf8StringCache.Get(reader.ValueSpan);

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"Esper's decision has {reader.TokenType} where {token} was expected.");
        }
    }
}
