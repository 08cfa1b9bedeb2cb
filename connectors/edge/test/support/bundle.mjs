// Bundles a fixture the way a customer's build would: esbuild, ESM, the package resolved through its exports.
import { build } from "esbuild";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export async function bundle(entry, { format = "esm", minify = false, absWorkingDir } = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format,
    minify,
    platform: "browser",
    target: "es2022",
    conditions: ["worker", "browser"],
    absWorkingDir,
    alias: absWorkingDir === undefined ? aliases() : undefined,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

function aliases() {
  const dist = join(packageRoot, "dist");
  return {
    "esper-ts-client/cloudflare": join(dist, "cloudflare.js"),
    "esper-ts-client/vercel": join(dist, "vercel.js"),
    "esper-ts-client/node": join(dist, "node.js"),
    "esper-ts-client": join(dist, "index.js"),
  };
}
