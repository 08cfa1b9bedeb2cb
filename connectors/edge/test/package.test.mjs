// The package as a customer gets it: type checks, size budget, and `npm pack` installed into a fresh Worker project.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { bundle, packageRoot } from "./support/bundle.mjs";
import { configureTenant, createTenant } from "./support/esper.mjs";
import { sharedHost } from "./support/host.mjs";
import { startWorker } from "./support/worker.mjs";

const tsc = join(packageRoot, "node_modules/typescript/bin/tsc");
const budget = 15 * 1024;

describe("package checks", () => {
  test("tsc --noEmit passes on the sources and the Cloudflare and Vercel recipes (strict)", () => {
    try {
      execFileSync(process.execPath, [tsc, "--noEmit", "-p", join(packageRoot, "tsconfig.check.json")], { encoding: "utf8" });
    } catch (error) {
      assert.fail(`tsc --noEmit found errors:\n${error.stdout}`);
    }
  });

  test("the Cloudflare entry bundled, minified and gzipped stays under 15 KB", async () => {
    const code = await bundle(join(packageRoot, "dist/cloudflare.js"), { minify: true });
    const size = gzipSync(code).length;
    assert.ok(size < budget, `${size} bytes gzipped; the budget is ${budget}`);
  });

  test("the edge entries bundle for a browser-like platform, so they import no Node built-in", async () => {
    for (const entry of ["index.js", "cloudflare.js", "vercel.js"]) {
      const code = await bundle(join(packageRoot, "dist", entry));
      assert.doesNotMatch(code, /from\s*["']node:|require\(["'](node:)?(fs|http|crypto|net)["']\)/, entry);
    }
  });
});

describe("npm pack installed into a fresh Worker project", () => {
  let host;
  let project;
  let worker;

  before(async () => {
    host = await sharedHost();
    const key = await createTenant(host, "packed");
    await configureTenant(host, key, { origin: "https://packed.example" });

    project = mkdtempSync(join(tmpdir(), "esper-customer-worker-"));
    const packed = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", project], { cwd: packageRoot, encoding: "utf8" }));
    const tarball = join(project, packed[0].filename);
    const files = packed[0].files.map((f) => f.path);
    assert.ok(files.includes("dist/cloudflare.js") && files.includes("dist/cloudflare.d.ts"), files.join(", "));
    assert.ok(!files.some((f) => f.startsWith("src/") || f.startsWith("test/") || f.startsWith("node_modules/")), files.join(", "));

    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "customer-worker", private: true, type: "module", dependencies: { "esper-ts-client": `file:${tarball}` } }));
    execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: project, stdio: "pipe" });
    writeFileSync(
      join(project, "worker.ts"),
      `import { withEsper } from "esper-ts-client/cloudflare";
import type { DecideResult } from "esper-ts-client";

interface Env { ESPER_API_KEY: string; ESPER_API_URL: string }

const seen: DecideResult["action"][] = ["allow", "challenge", "block", "error"];

export default withEsper(
  {
    async fetch(request: Request, env: Env): Promise<Response> {
      return new Response("hello from the customer worker " + seen.length + " " + new URL(request.url).pathname);
    },
  },
  { timeoutMs: 10_000 },
);
`,
    );
    worker = await startWorker(await bundle(join(project, "worker.ts"), { absWorkingDir: project, minify: true }), { ESPER_API_URL: host.url, ESPER_API_KEY: key });
  });

  after(async () => {
    await worker?.dispose();
    await host?.stop();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  test("the customer's TypeScript Worker type-checks against the installed package's exports", () => {
    const compilerOptions = { strict: true, noEmit: true, target: "es2022", module: "es2022", moduleResolution: "bundler", lib: ["es2022", "dom"], types: [] };
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["worker.ts"] }));
    try {
      execFileSync(process.execPath, [tsc, "-p", project], { cwd: project, encoding: "utf8" });
    } catch (error) {
      assert.fail(`tsc found errors in the customer's Worker:\n${error.stdout}`);
    }

    assert.match(readFileSync(join(project, "node_modules/esper-ts-client/package.json"), "utf8"), /"\.\/cloudflare"/);
  });

  test("the bundled Worker lets logins through until Esper blocks the sixth", async () => {
    const login = () => worker.fetch("https://packed.example/login", { method: "POST", headers: { "cf-connecting-ip": "198.51.100.60", "user-agent": "curl/8" } });
    for (let i = 1; i <= 5; i++) {
      const res = await login();
      assert.equal(await res.text(), "hello from the customer worker 4 /login", `login ${i}`);
    }

    assert.equal((await login()).status, 403);
  });
});
