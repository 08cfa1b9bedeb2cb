// `npm test`: builds the package, starts one Esper host for the suites, runs every test file with node's test
// runner and ends with a line "esper-ts-client: N passed, N failed" that the repository's test.sh adds up.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "./support/bundle.mjs";
import { startHost } from "./support/host.mjs";

const summary = (passed, failed) => {
  console.log(`esper-ts-client: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
};

const build = spawnSync(process.execPath, [join(packageRoot, "node_modules/typescript/bin/tsc"), "-p", join(packageRoot, "tsconfig.build.json")], {
  encoding: "utf8",
});
if (build.status !== 0) {
  console.log(`build failed:\n${build.stdout}${build.stderr}`);
  summary(0, 1);
  process.exit();
}

let host;
try {
  host = await startHost();
} catch (error) {
  console.log(error.message);
  summary(0, 1);
  process.exit();
}

const work = mkdtempSync(join(tmpdir(), "esper-edge-tests-"));
const tap = join(work, "results.tap");
const files = readdirSync(join(packageRoot, "test"))
  .filter((f) => f.endsWith(".test.mjs"))
  .map((f) => join("test", f));
const runner = spawn(
  process.execPath,
  ["--test", "--test-reporter=spec", "--test-reporter-destination=stdout", "--test-reporter=tap", `--test-reporter-destination=${tap}`, ...files],
  {
    cwd: packageRoot,
    stdio: "inherit",
    env: {
      ...process.env,
      ESPER_TEST_URL: host.url,
      ESPER_TEST_OPERATOR_TOKEN: host.operatorToken,
      ESPER_TEST_ADMIN_KEY: host.adminKey,
    },
  },
);
const code = await new Promise((resolve) => runner.once("exit", (c) => resolve(c ?? 1)));
await host.stop();

const text = (() => {
  try {
    return readFileSync(tap, "utf8");
  } catch {
    return "";
  }
})();
rmSync(work, { recursive: true, force: true });
const total = (name) => Number([...text.matchAll(new RegExp(`^# ${name} (\\d+)$`, "gm"))].at(-1)?.[1] ?? 0);
const passed = total("pass");
let failed = total("fail") + total("cancelled");
if (code !== 0 && failed === 0) {
  failed = 1;
}

summary(passed, failed);
