// The Google Cloud recipe (esper-ts-client/node) run by the Functions Framework against a real Esper host.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { packageRoot } from "./support/bundle.mjs";
import { configureTenant, createTenant, solveChallenge } from "./support/esper.mjs";
import { freePort, sharedHost } from "./support/host.mjs";
import { startProcess } from "./support/process.mjs";

let host;
let fn;
let site;
let dir;

before(async () => {
  host = await sharedHost();
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  const key = await createTenant(host, "gcf");
  await configureTenant(host, key, { origin: site });

  // The recipe as deployed: its own folder, the package resolved from its node_modules.
  dir = mkdtempSync(join(tmpdir(), "esper-gcf-"));
  cpSync(join(packageRoot, "recipes/google-cloud"), dir, { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(packageRoot, join(dir, "node_modules/esper-ts-client"), "dir");
  const framework = join(packageRoot, "test/support/functions-framework.cjs");
  fn = await startProcess(process.execPath, [framework, "--target=esperProxy", `--source=${dir}`, `--port=${port}`], {
    env: { ESPER_API_URL: host.url, ESPER_API_KEY: key, ESPER_TIMEOUT_MS: "10000", NODE_ENV: "test" },
    readyUrl: `${site}/`,
  });
});

after(async () => {
  await fn?.stop();
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("Google Cloud Function (Node middleware) under the Functions Framework", () => {
  test("five logins reach the function and the sixth is blocked", async () => {
    const login = () => fetch(`${site}/login`, { method: "POST", headers: { "x-forwarded-for": "198.51.100.40", "user-agent": "curl/8" } });
    for (let i = 1; i <= 5; i++) {
      const res = await login();
      assert.equal(res.status, 200, `login ${i}`);
      assert.equal(await res.text(), "Hello from behind Esper: POST /login");
    }

    const sixth = await login();
    assert.equal(sixth.status, 403);
    assert.equal((await sixth.json()).error, "blocked");
  });

  test("a challenged browser is redirected, the proof is exchanged for a pass cookie and the next request passes", async () => {
    const headers = { accept: "text/html", "x-forwarded-for": "198.51.100.41", "user-agent": "Mozilla/5.0" };
    const first = await fetch(`${site}/protected`, { headers, redirect: "manual" });
    assert.equal(first.status, 302);
    const back = await solveChallenge(first.headers.get("location"));
    const exchanged = await fetch(back, { headers, redirect: "manual" });
    assert.equal(exchanged.status, 302);
    assert.equal(exchanged.headers.get("location"), `${site}/protected`);
    const cookie = exchanged.headers.getSetCookie()[0].split(";")[0];
    const next = await fetch(`${site}/protected`, { headers: { ...headers, cookie }, redirect: "manual" });
    assert.equal(next.status, 200);
    assert.equal(await next.text(), "Hello from behind Esper: GET /protected");
  });

  test("an API client gets a 403 JSON challenge", async () => {
    const res = await fetch(`${site}/protected`, { headers: { "x-forwarded-for": "198.51.100.42" } });
    assert.equal(res.status, 403);
    assert.equal((await res.json()).error, "challenge");
  });
});
