// Child processes the tests start: each is killed by its PID when the test ends.
import { spawn } from "node:child_process";

export async function startProcess(command, args, { env, cwd, readyUrl, timeoutMs = 30_000 }) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk).slice(-8000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${command} exited (${child.exitCode}):\n${output}`);
    }

    try {
      await fetch(readyUrl);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`${command} did not answer ${readyUrl} within ${timeoutMs} ms:\n${output}`);
      }

      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}
