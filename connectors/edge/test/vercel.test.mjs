// esper-ts-client/vercel inside the Edge runtime (edge-runtime) against a real Esper host on loopback.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { EdgeRuntime } from "edge-runtime";
import { bundle, packageRoot } from "./support/bundle.mjs";
import { configureTenant, createTenant, solveChallenge } from "./support/esper.mjs";
import { sharedHost, startHost } from "./support/host.mjs";

const site = "https://app.example";
let code;
let host;
let runtime;

function edge(env) {
  const vm = new EdgeRuntime({
    initialCode: code,
    // Vercel exposes environment variables as process.env inside Edge functions.
    extend: (context) => Object.assign(context, { process: { env } }),
  });
  return (url, init = {}) => vm.dispatchFetch(url, { redirect: "manual", ...init });
}

before(async () => {
  code = await bundle(`${packageRoot}/test/fixtures/vercel-middleware.js`, { format: "iife" });
  host = await sharedHost();
  const key = await createTenant(host, "vercel");
  await configureTenant(host, key, { origin: site });
  runtime = edge({ ESPER_API_URL: host.url, ESPER_API_KEY: key });
});

after(async () => {
  await host?.stop();
});

const login = (fetchIn, ip, variant = "default") =>
  fetchIn(`${site}/login`, { method: "POST", headers: { "x-forwarded-for": `${ip}, 10.0.0.1`, "user-agent": "curl/8", "x-test-variant": variant } });

describe("Vercel Edge Middleware in the Edge runtime", () => {
  test("five logins continue and the sixth is blocked, keyed on the first x-forwarded-for hop", async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await login(runtime, "198.51.100.10");
      assert.equal(res.headers.get("x-middleware-next"), "1", `login ${i}`);
    }

    const sixth = await login(runtime, "198.51.100.10");
    assert.equal(sixth.status, 403);
    assert.equal((await sixth.json()).error, "blocked");
    const otherActor = await login(runtime, "198.51.100.11");
    assert.equal(otherActor.headers.get("x-middleware-next"), "1");
  });

  test("a custom block response replaces the default and allowed requests reach the customer's middleware", async () => {
    for (let i = 0; i < 6; i++) {
      await (await login(runtime, "198.51.100.20", "custom")).arrayBuffer();
    }

    const blocked = await login(runtime, "198.51.100.20", "custom");
    assert.equal(blocked.status, 451);
    assert.equal(await blocked.text(), "custom block block");
    const allowed = await login(runtime, "198.51.100.21", "custom");
    assert.equal(await allowed.text(), "rewritten by the customer's middleware");
  });

  test("a challenge redirects, the proof becomes a pass cookie on the clean URL and the next request continues", async () => {
    const headers = { accept: "text/html", "x-real-ip": "198.51.100.30", "user-agent": "Mozilla/5.0" };
    const first = await runtime(`${site}/protected`, { headers });
    assert.equal(first.status, 302);
    const back = await solveChallenge(first.headers.get("location"));
    const exchanged = await runtime(back, { headers });
    assert.equal(exchanged.status, 302);
    assert.equal(exchanged.headers.get("location"), `${site}/protected`);
    const cookie = exchanged.headers.get("set-cookie").split(";")[0];
    assert.match(cookie, /^esper_challenge=/);
    const next = await runtime(`${site}/protected`, { headers: { ...headers, cookie } });
    assert.equal(next.headers.get("x-middleware-next"), "1");
  });
});

describe("Vercel Edge Middleware when Esper is down", () => {
  test("fails open, closed when configured, and a memoised block still applies", async () => {
    const lone = await startHost();
    try {
      await configureTenant(lone, lone.adminKey, { origin: site });
      const run = edge({ ESPER_API_URL: lone.url, ESPER_API_KEY: lone.adminKey });
      let last;
      for (let i = 0; i < 6; i++) {
        last = await login(run, "203.0.113.5", "closed");
        await last.arrayBuffer();
      }

      assert.equal(last.status, 403, "the sixth login was blocked while Esper answered");

      await lone.stop();
      const started = Date.now();
      const open = await login(run, "203.0.113.6", "open");
      assert.equal(open.headers.get("x-middleware-next"), "1");
      assert.ok(Date.now() - started < 3000, "failed open within the budget");
      assert.equal((await login(run, "203.0.113.6", "closed")).status, 503);
      const memoised = await login(run, "203.0.113.5", "closed");
      assert.equal(memoised.status, 403);
    } finally {
      await lone.stop();
    }
  });
});
