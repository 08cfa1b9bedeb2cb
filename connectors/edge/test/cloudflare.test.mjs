// withEsper inside workerd (Miniflare) against a real Esper host on loopback.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createServer } from "node:http";
import { bundle, packageRoot } from "./support/bundle.mjs";
import { configureTenant, createTenant, policyResults, solveChallenge } from "./support/esper.mjs";
import { sharedHost, startHost } from "./support/host.mjs";
import { startWorker } from "./support/worker.mjs";

const site = "https://shop.example";
const browser = { accept: "text/html,application/xhtml+xml", "user-agent": "Mozilla/5.0 (edge tests)" };
let ipCounter = 0;
const nextIp = () => `198.51.100.${++ipCounter}`;

let host;
let key;
let worker;
let proxy;
let script;

before(async () => {
  host = await sharedHost();
  key = await createTenant(host, "cloudflare");
  await configureTenant(host, key, { origin: site });
  proxy = await startDelayingProxy(host.url);
  script = await bundle(`${packageRoot}/test/fixtures/worker.js`);
  worker = await startWorker(script, { ESPER_API_URL: host.url, ESPER_API_KEY: key, RETRY_API_URL: proxy.url });
});

after(async () => {
  await worker?.dispose();
  await proxy?.close();
  await host?.stop();
});

const login = (ip, variant = "default") =>
  worker.fetch(`${site}/login`, { method: "POST", headers: { "cf-connecting-ip": ip, "user-agent": "curl/8", "x-test-variant": variant } });

describe("Cloudflare Worker in workerd", () => {
  test("five logins are allowed and the sixth is blocked", async () => {
    const ip = nextIp();
    for (let i = 1; i <= 5; i++) {
      const res = await login(ip);
      assert.equal(res.status, 200, `login ${i}`);
      assert.equal(await res.text(), "origin /login");
    }

    const sixth = await login(ip);
    assert.equal(sixth.status, 403);
    assert.equal((await sixth.json()).error, "blocked");
  });

  test("a memoised block answers later requests of the actor without a round trip", async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) {
      await (await login(ip)).arrayBuffer();
    }

    const blocked = await (await login(ip)).json();
    const before = (await policyResults(host, key, "login-burst")).block;
    const again = await login(ip);
    assert.equal(again.status, 403);
    assert.equal((await again.json()).decision_id, blocked.decision_id, "the memoised decision answers");
    assert.equal((await policyResults(host, key, "login-burst")).block, before, "Esper saw no further request");
    const other = await login(nextIp());
    assert.equal(other.status, 200, "another actor is not blocked by the memo");
  });

  test("a challenge redirects the browser, the proof becomes a pass cookie on a clean URL and the next request passes", async () => {
    const ip = nextIp();
    const first = await worker.fetch(`${site}/protected?item=1`, { headers: { ...browser, "cf-connecting-ip": ip } });
    assert.equal(first.status, 302);
    const challengeUrl = first.headers.get("location");
    assert.ok(challengeUrl.startsWith(`${host.url}/challenge/`), challengeUrl);

    const back = await solveChallenge(challengeUrl);
    assert.ok(back.startsWith(`${site}/protected?item=1&esper_challenge_proof=`), back);
    const exchanged = await worker.fetch(back, { headers: { ...browser, "cf-connecting-ip": ip } });
    assert.equal(exchanged.status, 302);
    assert.equal(exchanged.headers.get("location"), `${site}/protected?item=1`, "the proof is stripped from the URL");
    const setCookie = exchanged.headers.get("set-cookie");
    assert.match(setCookie, /^esper_challenge=v1\./);
    assert.match(setCookie, /HttpOnly/);

    const pass = setCookie.split(";")[0];
    const next = await worker.fetch(`${site}/protected?item=1`, { headers: { ...browser, "cf-connecting-ip": ip, cookie: `${pass}; other=1` } });
    assert.equal(next.status, 200);
    assert.equal(await next.text(), "origin /protected");

    const replay = await worker.fetch(back, { headers: { ...browser, "cf-connecting-ip": ip } });
    assert.equal(replay.status, 302);
    assert.equal(replay.headers.get("set-cookie"), null, "a spent proof earns no second pass");
  });

  test("an API client is answered 403 JSON with the challenge instead of a redirect", async () => {
    const res = await worker.fetch(`${site}/protected`, { headers: { accept: "application/json", "cf-connecting-ip": nextIp() } });
    assert.equal(res.status, 403);
    const body = await res.json();
    assert.equal(body.error, "challenge");
    assert.ok(body.redirect_url.startsWith(`${host.url}/challenge/`));
  });

  test("authorization and cookie values are not forwarded unless allowed", async () => {
    const headers = { authorization: "Bearer s3cret", cookie: "session=sess-1", "cf-connecting-ip": nextIp() };
    const withheld = await worker.fetch(`${site}/account`, { headers });
    assert.equal(withheld.status, 200, "Esper never saw the secrets, so its deny policies did not fire");

    const authOnly = await worker.fetch(`${site}/account`, { headers: { authorization: "Bearer s3cret", "x-test-variant": "allow-secrets" } });
    assert.equal(authOnly.status, 403, "an allowed authorization header reaches Esper");
    const cookieOnly = await worker.fetch(`${site}/account`, { headers: { cookie: "session=sess-1", "x-test-variant": "allow-secrets" } });
    assert.equal(cookieOnly.status, 403, "an allowed cookie reaches Esper");
  });

  test("request.cf properties reach Esper as fields", async () => {
    const blocked = await worker.fetch(`${site}/`, { headers: { "cf-connecting-ip": nextIp() }, cf: { country: "KP", asn: 64500 } });
    assert.equal(blocked.status, 403);
    const allowed = await worker.fetch(`${site}/`, { headers: { "cf-connecting-ip": nextIp() }, cf: { country: "NZ", asn: 64500 } });
    assert.equal(allowed.status, 200);
  });

  test("the fields callback adds tenant fields a policy can match", async () => {
    const send = (plan) => worker.fetch(`${site}/`, { headers: { "cf-connecting-ip": nextIp(), "x-account-plan": plan, "x-test-variant": "fields" } });
    assert.equal((await send("suspended")).status, 403);
    assert.equal((await send("pro")).status, 200);
  });

  test("a retry after a timed-out attempt carries the same idempotency key and is counted once", async () => {
    proxy.holdNext(1200);
    const res = await worker.fetch(`${site}/retry-probe`, { headers: { "cf-connecting-ip": nextIp(), "x-test-variant": "retry" } });
    assert.equal(res.status, 200);
    await proxy.settled();
    assert.ok(proxy.seen.length >= 2, "the first attempt timed out and was retried");
    const keys = new Set(proxy.seen.map((event) => event.idempotency_key));
    assert.equal(keys.size, 1, "every attempt carried the same idempotency key");
    assert.equal((await policyResults(host, key, "probe")).total, 1, "Esper counted the request once");
  });

  test("monitor mode lets a blocked actor through and records the request", async () => {
    const ip = nextIp();
    for (let i = 0; i < 6; i++) {
      await (await login(ip)).arrayBuffer();
    }

    const before = (await policyResults(host, key, "login-burst")).block;
    const res = await login(ip, "monitor");
    assert.equal(res.status, 200);
    await waitFor(async () => (await policyResults(host, key, "login-burst")).block > before, "the beacon was recorded");
  });

  test("excluded paths are never sent to Esper", async () => {
    const health = await worker.fetch(`${site}/health`, { headers: { "x-test-variant": "excluded" } });
    assert.equal(health.status, 200);
    const other = await worker.fetch(`${site}/other`, { headers: { "x-test-variant": "excluded" } });
    assert.equal(other.status, 503, "the same variant fails closed on a path it does send");
  });
});

describe("Cloudflare Worker when Esper stops answering", () => {
  let lone;
  let loneWorker;
  const ip = "203.0.113.77";

  before(async () => {
    lone = await startHost();
    await configureTenant(lone, lone.adminKey, { origin: site });
    loneWorker = await startWorker(script, { ESPER_API_URL: lone.url, ESPER_API_KEY: lone.adminKey, RETRY_API_URL: lone.url });
    let last;
    for (let i = 0; i < 6; i++) {
      last = await loneWorker.fetch(`${site}/login`, { method: "POST", headers: { "cf-connecting-ip": ip, "x-test-variant": "default" } });
      await last.arrayBuffer();
    }

    assert.equal(last.status, 403, "the sixth login was blocked while Esper answered");
  });

  after(async () => {
    await loneWorker?.dispose();
    await lone?.stop();
  });

  const get = (variant, clientIp = "192.0.2.50") =>
    loneWorker.fetch(`${site}/login`, { method: "POST", headers: { "cf-connecting-ip": clientIp, "x-test-variant": variant } });

  test("a frozen Esper fails open within the timeout, closed when configured, and the memoised block still applies", async () => {
    lone.pause();
    try {
      const started = Date.now();
      const open = await get("open");
      const elapsed = Date.now() - started;
      assert.equal(open.status, 200);
      assert.ok(elapsed < 3000, `failed open after ${elapsed} ms with a 400 ms budget (a frozen host never answers)`);

      const closed = await get("closed");
      assert.equal(closed.status, 503);

      const memoised = await get("closed", ip);
      assert.equal(memoised.status, 403, "the memoised block applies, not the failure response");
      assert.equal((await memoised.json()).error, "blocked");
    } finally {
      lone.resume();
    }
  });

  test("a stopped Esper fails open, closed when configured, and the memoised block still applies", async () => {
    await lone.stop();
    assert.equal((await get("open")).status, 200);
    assert.equal((await get("closed")).status, 503);
    assert.equal((await get("open", ip)).status, 403);
  });
});

async function waitFor(check, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting until ${what}`);
    }

    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A loopback proxy to Esper that can hold one request back before forwarding it, and records what it saw. */
function startDelayingProxy(target) {
  let hold = 0;
  let done = 0;
  const waiters = [];
  const seen = [];
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const delay = hold;
    hold = 0;
    if (req.url.startsWith("/api/v1/runtime/")) seen.push(JSON.parse(body.toString("utf8")));
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    try {
      const answer = await fetch(target + req.url, { method: req.method, headers: { ...req.headers, host: undefined }, body: body.length > 0 ? body : undefined });
      const text = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
      res.end(text);
    } catch {
      res.destroy();
    } finally {
      done++;
      for (const w of waiters.splice(0)) w();
    }
  });
  return new Promise((resolveProxy) =>
    server.listen(0, "127.0.0.1", () =>
      resolveProxy({
        url: `http://127.0.0.1:${server.address().port}`,
        seen,
        holdNext(ms) {
          hold = ms;
          seen.length = 0;
          done = 0;
        },
        /** Waits until every request the proxy received has been answered (the held one included). */
        async settled() {
          const deadline = Date.now() + 20_000;
          while (done < seen.length && Date.now() < deadline) await new Promise((r) => waiters.push(r) && setTimeout(r, 100));
        },
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
      }),
    ),
  );
}
