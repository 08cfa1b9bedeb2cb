// Starts a real Esper host (functions/Esper.Host, Release build) on a free loopback port with an embedded store.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const hostDll = join(repoRoot, "functions/Esper.Host/bin/Release/net10.0/Esper.Host.dll");

/** Builds the host once when its Release build is missing; throws with the build's output when that fails. */
export function ensureHostBuilt() {
  if (existsSync(hostDll)) {
    return;
  }

  const build = spawnSync("dotnet", ["build", join(repoRoot, "functions/Esper.Host"), "-c", "Release", "-v", "q", "-nologo"], {
    encoding: "utf8",
  });
  if (build.status !== 0 || !existsSync(hostDll)) {
    throw new Error(`Esper.Host is not built (${hostDll}) and 'dotnet build functions/Esper.Host -c Release' failed:\n${build.stdout}\n${build.stderr}`);
  }
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a host and waits until /healthz answers. `adminKey` is its bootstrap admin key of tenant `default`;
 * `operatorToken` creates further tenants. `stop()` kills it by PID and removes its data directory.
 */
export async function startHost({ env = {}, timeoutMs = 60_000 } = {}) {
  ensureHostBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "esper-edge-host-"));
  const adminKey = `esk_default_${"0123456789abcdef".repeat(3)}`;
  const operatorToken = `operator-${port}-${Date.now()}`;
  const child = spawn("dotnet", [hostDll, "--urls", url], {
    env: {
      ...process.env,
      ESPER_DATA_DIR: dataDir,
      ESPER_BOOTSTRAP_ADMIN_KEY: adminKey,
      ESPER_OPERATOR_TOKEN: operatorToken,
      ESPER_PUBLIC_URL: url,
      ESPER_POW_DIFFICULTY: "4",
      ESPER_RATE_LIMIT_PER_MINUTE: "0",
      ASPNETCORE_ENVIRONMENT: "Production",
      Logging__LogLevel__Default: "Warning",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-8000);
  });
  const exited = new Promise((resolveExit) => child.once("exit", (code, signal) => resolveExit({ code, signal })));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`Esper host exited (${child.exitCode}) before answering:\n${stderr}`);
    }

    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) {
        break;
      }
    } catch {
      // not listening yet
    }

    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Esper host did not answer /healthz within ${timeoutMs} ms:\n${stderr}`);
    }

    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    adminKey,
    operatorToken,
    pid: child.pid,
    /** Freezes the process: connections are accepted by the kernel and never answered. */
    pause: () => process.kill(child.pid, "SIGSTOP"),
    resume: () => process.kill(child.pid, "SIGCONT"),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(child.pid, "SIGCONT");
        } catch {
          // already gone
        }

        child.kill("SIGKILL");
        await exited;
      }

      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The shared host `npm test` started, or a fresh one for a test file run on its own. */
export async function sharedHost() {
  if (process.env.ESPER_TEST_URL) {
    return {
      url: process.env.ESPER_TEST_URL,
      operatorToken: process.env.ESPER_TEST_OPERATOR_TOKEN,
      adminKey: process.env.ESPER_TEST_ADMIN_KEY,
      async stop() {},
    };
  }

  return startHost();
}
