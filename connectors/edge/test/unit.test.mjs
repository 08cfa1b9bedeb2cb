// Pure parts of the package: option checks, forwarding rules, cookie parsing, memo keys, the LRU memo.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { EsperClient } from "../dist/index.js";
import { buildEvent, forwardRules, parseCookies } from "../dist/context.js";
import { memoKeyOf } from "../dist/memo-key.js";
import { LruBlockMemo } from "../dist/memo.js";
import { withEsper } from "../dist/cloudflare.js";
import { esperMiddleware } from "../dist/node.js";

const request = (url, headers) => ({ url, method: "GET", headers: new Headers(headers) });

describe("EsperClient options", () => {
  test("a missing key or a URL that is not http(s) is named at construction", () => {
    assert.throws(() => new EsperClient({ apiKey: "", apiUrl: "https://esper.example" }), /apiKey is missing/);
    assert.throws(() => new EsperClient({ apiKey: "k", apiUrl: "esper.example" }), /apiUrl must be an http\(s\) URL/);
    assert.throws(() => new EsperClient({ apiKey: "k", apiUrl: "https://esper.example", retries: 9 }), /retries/);
  });

  test("an unreachable Esper is an error decision, not a rejection", async () => {
    const client = new EsperClient({ apiKey: "k", apiUrl: "http://127.0.0.1:9", timeoutMs: 5000, retries: 1, retryDelayMs: 1 });
    const decision = await client.decide({ request: { method: "GET", path: "/" } });
    assert.equal(decision.action, "error");
    assert.equal(decision.error.kind, "network");
    assert.equal(decision.error.attempts, 2, "the failed attempt was retried");
  });
});

describe("connector options", () => {
  test("an invalid mode, failure or timeout throws when the connector is created, not per request", () => {
    const handler = { fetch: () => new Response("ok") };
    assert.throws(() => withEsper(handler, { failure: "sometimes" }), /failure must be "open" or "closed"/);
    assert.throws(() => withEsper(handler, { mode: "audit" }), /mode must be/);
    assert.throws(() => esperMiddleware({ timeoutMs: 0 }), /timeoutMs/);
    assert.doesNotThrow(() => withEsper(handler, {}), "the key and URL may come from env later");
  });

  test("paths outside include or inside exclude reach the handler without Esper", async () => {
    const ctx = { waitUntil() {} };
    const worker = withEsper({ fetch: () => new Response("origin") }, { include: ["/api/", /^\/admin$/], exclude: ["/api/health"], failure: "closed", onError() {} });
    const status = async (path) => (await worker.fetch(new Request(`https://a.example${path}`), {}, ctx)).status;
    assert.equal(await status("/home"), 200, "not included");
    assert.equal(await status("/api/health"), 200, "excluded");
    assert.equal(await status("/api/orders"), 503, "included: sent, and without a key it fails closed");
    assert.equal(await status("/admin"), 503, "included by a regular expression");
  });

  test("a fields callback that throws costs its fields, not the request", async () => {
    const reports = [];
    const worker = withEsper({ fetch: () => new Response("origin") }, {
      fields: () => {
        throw new Error("no plan");
      },
      onError: (message) => reports.push(message),
      apiKey: "k",
      apiUrl: "http://127.0.0.1:9",
      timeoutMs: 300,
    });
    const res = await worker.fetch(new Request("https://a.example/"), {}, { waitUntil() {} });
    assert.equal(await res.text(), "origin");
    assert.ok(reports.some((m) => m.includes("the fields callback threw: no plan")), reports.join("\n"));
  });

  test("a Worker without a key fails the way its failure mode says instead of throwing", async () => {
    const ctx = { waitUntil() {} };
    const open = withEsper({ fetch: () => new Response("origin") }, { onError() {} });
    assert.equal(await (await open.fetch(new Request("https://a.example/"), {}, ctx)).text(), "origin");
    const closed = withEsper({ fetch: () => new Response("origin") }, { failure: "closed", onError() {} });
    assert.equal((await closed.fetch(new Request("https://a.example/"), {}, ctx)).status, 503);
  });
});

describe("what leaves the edge", () => {
  const url = new URL("https://shop.example/cart?item=1&esper_challenge_proof=v1.x&item=2");
  const headers = { authorization: "Bearer t", cookie: "session=s; esper_challenge=p; theme=dark", "x-esper-api-key": "k", accept: "text/html", "x-trace": "t1" };

  test("secrets, cookie values and the proof stay at the edge by default; the pass cookie goes", () => {
    const event = buildEvent(request(url.href, headers), url, "203.0.113.1", forwardRules({}), undefined, "test");
    assert.deepEqual(Object.keys(event.request.headers).sort(), ["accept", "x-trace"]);
    assert.deepEqual(event.request.cookies, { esper_challenge: "p" });
    assert.deepEqual(event.request.query_params, { item: "1" });
    assert.equal(event.request.client_ip, "203.0.113.1");
  });

  test("allow lists forward exactly what they name, and deny lists remove more", () => {
    const allowed = buildEvent(request(url.href, headers), url, undefined, forwardRules({ allowHeaders: ["Authorization"], allowCookies: ["session"] }), undefined, "t");
    assert.deepEqual(allowed.request.headers, { authorization: "Bearer t" });
    assert.deepEqual(allowed.request.cookies, { session: "s", esper_challenge: "p" });
    const denied = buildEvent(request(url.href, headers), url, undefined, forwardRules({ denyHeaders: ["X-Trace"] }), undefined, "t");
    assert.deepEqual(Object.keys(denied.request.headers), ["accept"]);
  });

  test("cookie headers parse with quoted values and the first occurrence winning", () => {
    assert.deepEqual([...parseCookies('a=1; b="two"; a=3; =x; c')], [["a", "1"], ["b", "two"]]);
  });
});

describe("block memo", () => {
  const now = 1_800_000_000_000;
  const decision = (matches, entities = { "ip-user-agent": "ip-user-agent_abc" }) => ({ action: "block", decision_id: "dec_1", matches, entities });
  const match = (extra) => ({ policy_id: "p", clause: 0, mitigation_id: "m", mode: "block", dry_run: false, waived: false, penalty_active: true, ...extra });

  test("a block with a penalty in the future is memoised until the penalty expires", () => {
    assert.deepEqual(memoKeyOf(decision([match({ penalty_expires_at: now / 1000 + 600 })]), now), { key: "ip-user-agent_abc", expiresAt: now + 600_000 });
  });

  test("blocks without a future penalty, dry runs and entity-less decisions are not memoised", () => {
    assert.equal(memoKeyOf(decision([match({ penalty_expires_at: now / 1000 - 1 })]), now), undefined);
    assert.equal(memoKeyOf(decision([match({ penalty_expires_at: now / 1000 + 60, dry_run: true })]), now), undefined);
    assert.equal(memoKeyOf(decision([match({ penalty_expires_at: now / 1000 + 60 })], {}), now), undefined);
  });

  test("the LRU memo forgets an entry once it expires", async () => {
    const memo = new LruBlockMemo(10);
    await memo.put("id-1", "key-1", { decision: decision([]), expiresAt: now + 1000 });
    assert.equal((await memo.get("id-1", now + 999))?.decision.decision_id, "dec_1");
    assert.equal(await memo.get("id-1", now + 1000), undefined);
    assert.equal(await memo.get("id-2", now), undefined);
  });
});
