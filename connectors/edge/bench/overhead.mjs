// Measures esper-ts-client's own cost inside workerd (Miniflare) with Esper answered by a local stub, so the
// connector is what is timed, and the Cloudflare entry's bundle size. Not a test: it asserts nothing.
//   npm run build && node bench/overhead.mjs [requests per case, default 2000]
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { bundle, packageRoot } from "../test/support/bundle.mjs";
import { startWorker } from "../test/support/worker.mjs";

const n = Number(process.argv[2] ?? 2000);
const decision = (action, penalty) =>
  JSON.stringify({
    decision_id: "dec_bench", action, redirect_url: null, mitigation: null, policy_id: null, outcome: action,
    matches: penalty ? [{ policy_id: "p", clause: 0, mitigation_id: "m", mode: "block", dry_run: false, window_count: 6, penalty_active: true, penalty_expires_at: Math.floor(Date.now() / 1000) + 3600, waived: false }] : [],
    actions: [], entities: { "ip-user-agent": "ip-user-agent_0123456789abcdef0123456789abcdef" }, reason: null,
    encoding_version: "1", config_version: "1", decided_at: new Date().toISOString(),
  });
const allow = decision("allow", false);
const block = decision("block", true);

let stubCalls = 0;
const stub = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    stubCalls++;
    const body = Buffer.concat(chunks).toString("utf8");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body.includes('"path":"/blocked"') ? block : allow);
  });
});
await new Promise((r) => stub.listen(0, "127.0.0.1", r));
const stubUrl = `http://127.0.0.1:${stub.address().port}`;

const worker = await startWorker(await bundle(join(packageRoot, "bench/worker.js")), { ESPER_API_URL: stubUrl, ESPER_API_KEY: "esk_bench_key" });
const headers = {
  "cf-connecting-ip": "203.0.113.9",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  accept: "text/html,application/xhtml+xml",
  "accept-language": "en-GB,en;q=0.9",
  cookie: "session=abc; theme=dark",
};

const cases = [
  { label: "bare Worker (no Esper)", bench: "bare", path: "/page" },
  { label: "hand-written: one fetch to the stub", bench: "raw", path: "/page" },
  { label: "withEsper, allow from the stub", bench: "esper", path: "/page" },
  { label: "withEsper with the memo off, allow", bench: "esper-no-memo", path: "/page" },
  // Another actor: the memo is per client IP and user agent, and this one is blocked.
  { label: "withEsper, memoised block (no round trip)", bench: "esper", path: "/blocked", ip: "203.0.113.66" },
];

async function once(c) {
  const before = stubCalls;
  const t = process.hrtime.bigint();
  const res = await worker.fetch(`https://bench.example${c.path}?q=1`, { headers: { ...headers, "cf-connecting-ip": c.ip ?? headers["cf-connecting-ip"], "x-bench": c.bench } });
  await res.arrayBuffer();
  c.times.push(Number(process.hrtime.bigint() - t) / 1e6);
  c.calls += stubCalls - before;
}

// Cases take turns request by request, so the load of a shared machine falls on all of them alike.
for (const c of cases) {
  c.times = [];
  c.calls = 0;
  for (let i = 0; i < 200; i++) await once(c);
  c.times = [];
  c.calls = 0;
}

for (let i = 0; i < n; i++) {
  for (const c of cases) await once(c);
}

const rows = cases.map((c) => {
  const sorted = [...c.times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { label: c.label, mean: c.times.reduce((a, b) => a + b, 0) / n, p50: at(0.5), p99: at(0.99), esperCalls: c.calls / n };
});
await worker.dispose();
stub.close();

const fmt = (x) => x.toFixed(3);
console.log(`\n${n} sequential requests per case, cases interleaved, through Miniflare's dispatchFetch (workerd), Node ${process.version}\n`);
console.log("| case | mean ms | p50 ms | p99 ms | Esper calls per request |");
console.log("|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.label} | ${fmt(r.mean)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.esperCalls.toFixed(2)} |`);
const [, raw, esper, noMemo, memo] = rows;
console.log(`\nconnector overhead over the hand-written fetch: ${fmt(esper.p50 - raw.p50)} ms at p50, ${fmt(esper.mean - raw.mean)} ms mean`);
console.log(`the memo's look-up on a miss (Cache API): ${fmt(esper.p50 - noMemo.p50)} ms at p50`);
console.log(`memoised block vs a round trip: ${fmt(memo.p50)} ms vs ${fmt(esper.p50)} ms at p50`);

console.log("\n| entry | minified | gzipped |");
console.log("|---|---|---|");
for (const entry of ["cloudflare", "vercel", "node", "index"]) {
  const code = await bundle(join(packageRoot, `dist/${entry}.js`), { minify: true });
  console.log(`| esper-ts-client${entry === "index" ? "" : `/${entry}`} | ${(code.length / 1024).toFixed(1)} KB | ${(gzipSync(code).length / 1024).toFixed(1)} KB |`);
}
