using System.Diagnostics;
using System.Security.Cryptography;
using Esper.Bench.InProcess.Harness;
using Esper.Core.Fields;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;
using Esper.Storage.Sqlite;

namespace Esper.Bench.InProcess.Stores;

/// <summary>
/// The embedded store alone, without the engine or the handler: the store calls of one realistic decision, issued
/// through the runtime's own repositories in the runtime's rounds, 32 decisions in flight. It reports process CPU
/// per decision (steadier than rates on a shared machine) and the bytes the process wrote per decision (the WAL
/// appends and the checkpoints' copies into the database file, from /proc/self/io), in 4 KiB pages.
/// </summary>
internal static class StoreDecisionLoop
{
    private const int InFlight = 32;
    private const string Tenant = "t_bench";
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private static readonly string[] FiredPolicies = ["p_login_burst", "p_scripted"];

    public static async Task<TableResult> RunAsync(string dataDir, int decisions, int warmUp, int rounds)
    {
        var table = new TableResult("Embedded store alone: the store calls of one decision (32 in flight)", "inprocess store --out DIR",
            "variant", "round", "decisions", "CPU µs/decision", "KiB written/decision", "pages written/decision", "KiB read/decision", "commits/decision", "decisions/s");
        table.Description = "Per decision, through the runtime's repositories: with an idempotency key, the claim, config version read and " +
            "rate limit (the claim held in memory; 'before issue 16' rows claim with a written item and use random decision ids, whose detail items land at random places); two entity counter updates (one key from 50,000 client IPs, one new key); the decision record with two policy " +
            "copies (the tenant's copy with the clauses that fired: the detail read by id), the idempotency answer, one policy's results shard and a traffic shard. Without a key, the same " +
            "without the claim and the answer. 'journal' adds the after-answer journal entry (put in the counter round, deleted " +
            "after the records). Bytes written and read are the process's write() and read() bytes (WAL frames and checkpoint copies; pages read outside SQLite's cache).";
        table.Description += " 'write-behind' rows run the store as configured (answered after the log append, SQLite written by " +
            "checkpoints behind; commits are log frames); 'direct writes' rows set WriteBehind = false (every group commits its SQLite " +
            "transaction before it is answered), as the store was before item 10.";
        var variants = new (string Name, bool Key, bool Journal, bool Before, bool WriteBehind)[]
        {
            ("idempotency key, write-behind", true, false, false, true),
            ("idempotency key, direct writes", true, false, false, false),
            ("idempotency key, before issue 16", true, false, true, false),
            ("no idempotency key, write-behind", false, false, false, true),
            ("no idempotency key, direct writes", false, false, false, false),
            ("no key, journal (after_answer), write-behind", false, true, false, true),
        };
        for (var round = 1; round <= rounds; round++)
        {
            // Every other round runs the variants in reverse order, so none always runs first (warm-up, GC).
            foreach (var (name, key, journal, before, writeBehind) in round % 2 == 1 ? variants : variants.Reverse())
            {
                Directory.CreateDirectory(dataDir);
                var path = Path.Combine(dataDir, $"store-{Guid.NewGuid():N}.db");
                using (var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = path, WriteBehind = writeBehind }, TimeProvider.System))
                {
                    var loop = new Loop(store, key, journal, before);
                    await loop.RunAsync(warmUp);
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var writtenBefore = IoBytes("wchar:");
                    var readBefore = IoBytes("rchar:");
                    var commitsBefore = store.Commits;
                    var started = Stopwatch.GetTimestamp();
                    await loop.RunAsync(decisions);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                    var written = IoBytes("wchar:") - writtenBefore;
                    var read = IoBytes("rchar:") - readBefore;
                    table.Row(name, round, decisions, Math.Round(cpu.TotalMicroseconds / decisions, 0),
                        Math.Round(written / 1024.0 / decisions, 1), Math.Round(written / 4096.0 / decisions, 2), Math.Round(read / 1024.0 / decisions, 1),
                        Math.Round((store.Commits - commitsBefore) / (double)decisions, 2), Math.Round(decisions / elapsed, 0));
                }

                foreach (var file in Directory.GetFiles(dataDir, Path.GetFileName(path) + "*"))
                {
                    File.Delete(file);
                }
            }
        }

        return table;
    }

    // wchar / rchar: every byte handed to write() / read() by any thread of the process (SQLite writes its WAL and
    // checkpoints, and reads pages missing from its cache, so).
    private static long IoBytes(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/io"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(field.Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private sealed class Loop(IKeyValueStore store, bool idempotencyKey, bool journal, bool before)
    {
        // Diagnostic: STORE_LOOP_SKIP=entities,records,detail,counters leaves those calls out (to attribute pages);
        // "expiry" writes the time-ordered decision records without an expiry (what dropping their expiry index would save).
        private static readonly string Skip = Environment.GetEnvironmentVariable("STORE_LOOP_SKIP") ?? "";

        private readonly IdempotencyRepository _idempotency = new(store);
        private readonly RateLimitRepository _rateLimit = new(store);
        private readonly ConfigRepository _config = new(store);
        private readonly EntityStateRepository _entities = new(store);
        private readonly DecisionRepository _decisions = new(store);
        private readonly DecisionJournalRepository _journal = new(store);
        private readonly ResultsRepository _results = new(store);

        public Task RunAsync(int count)
        {
            var remaining = count;
            return Task.WhenAll(Enumerable.Range(0, InFlight).Select(w => Task.Run(async () =>
            {
                var random = new Random(w * 7919 + count);
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    await DecideAsync(random);
                }
            })));
        }

        private async Task DecideAsync(Random random)
        {
            var now = DateTimeOffset.UtcNow;
            var ip = $"198.18.{random.Next(196)}.{random.Next(256)}";
            var decisionId = before ? "dec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)) : DecisionIds.New(now);
            var idemKey = idempotencyKey ? $"idem-{Guid.NewGuid():N}" : null;
            var ev = Event(ip, idemKey, now);

            string? claim = null;
            var rate = _rateLimit.HitAsync(Tenant, "key_bench", new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero)).AsTask();
            var version = _config.GetVersionAsync(Tenant).AsTask();
            if (idemKey is not null)
            {
                claim = before
                    ? await _idempotency.TryClaimAsync(Tenant, "runtime", idemKey, now.AddSeconds(30))
                    : await _idempotency.TryClaimForAnswerAsync(Tenant, "runtime", idemKey, now.AddSeconds(30));
            }

            var window = new CounterUpdate { Add = new Dictionary<string, long> { [$"w_login_{now.ToUnixTimeSeconds() / 60}"] = 1 }, ExpiresAt = now.AddMinutes(10) };
            var round = new List<Task> { rate, version };
            if (!Skip.Contains("entities", StringComparison.Ordinal))
            {
                round.Add(_entities.UpdateAsync(Tenant, "ip:" + ip, window).AsTask());
                round.Add(_entities.UpdateAsync(Tenant, "session:" + Guid.NewGuid().ToString("N"), window).AsTask());
            }

            if (journal)
            {
                round.Add(_journal.WriteAsync(Tenant, now, decisionId, DecisionJournalRepository.Serialize(new JournalEntry(decisionId, now, false, ev))!, now + Retention).AsTask());
            }

            await Task.WhenAll(round);

            var record = new DecisionRecord(decisionId, now, "challenge", FiredPolicies[0], "m_challenge", "login burst", false,
                FiredPolicies, ["a_login"], ip, ev.Path, null, "v3", "12", [new RecordedOutcome(FiredPolicies[0], "challenge", false), new RecordedOutcome(FiredPolicies[1], "observe", true)], ev);
            var batch = new List<BatchItem>();
            DecisionRepository.AddTo(batch, Tenant, record, now + Retention, Skip.Contains("detail", StringComparison.Ordinal) ? null : []);
            if (Skip.Contains("expiry", StringComparison.Ordinal))
            {
                // What-if: the time-ordered records (tenant's and policies' copies) without an expiry, so no index entry.
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i] = batch[i].Key.SortKey == "detail" ? batch[i] : batch[i] with { ExpiresAt = null };
                }
            }

            var records = new List<Task>();
            if (!Skip.Contains("records", StringComparison.Ordinal))
            {
                records.Add(_decisions.WriteAsync(batch).AsTask());
            }

            if (!Skip.Contains("counters", StringComparison.Ordinal))
            {
                records.Add(_results.RecordAsync(Tenant, FiredPolicies[0], "challenge", false, now).AsTask());
                records.Add(_results.RecordDecisionAsync(Tenant, "challenge", now).AsTask());
            }

            if (claim is not null)
            {
                records.Add(_idempotency.CompleteAsync(Tenant, "runtime", idemKey!, claim, 200, Answer(decisionId, now), now.AddHours(24)).AsTask());
            }

            await Task.WhenAll(records);
            if (journal)
            {
                await _journal.RemoveAsync(Tenant, now, decisionId);
            }
        }

        private static RuntimeEvent Event(string ip, string? idempotencyKey, DateTimeOffset now) => new()
        {
            ObservedAt = now,
            IdempotencyKey = idempotencyKey,
            Source = "bench",
            Method = "POST",
            Path = "/login",
            ClientIp = ip,
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
            Headers = new Dictionary<string, string>
            {
                ["accept"] = "text/html,application/xhtml+xml",
                ["accept-language"] = "en-US,en;q=0.9",
                ["referer"] = "https://shop.example/cart",
                ["authorization"] = "Bearer abcdefghijklmnopqrstuvwxyz0123456789",
            },
            QueryParams = new Dictionary<string, string> { ["next"] = "/checkout" },
            Cookies = new Dictionary<string, string> { ["session"] = Guid.NewGuid().ToString("N") },
            Fields = new Dictionary<string, string> { ["user_id"] = "u_" + ip.Replace('.', '_'), ["plan"] = "pro" },
        };

        private static string Answer(string decisionId, DateTimeOffset now) =>
            $$"""{"decision_id":"{{decisionId}}","action":"challenge","redirect_url":null,"mitigation":{"id":"m_challenge","name":"Challenge","mode":"managed"},"policy_id":"p_login_burst","outcome":"challenge","matches":[{"policy_id":"p_login_burst","clause_index":0,"window_count":12}],"actions":[{"id":"a_login","name":"Login"}],"entities":{"ip":"x"},"reason":"login burst","encoding_version":"v3","config_version":"12","decided_at":"{{now:O}}"}""";
    }
}
