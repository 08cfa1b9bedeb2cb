// Runs a bundled Worker inside workerd (Miniflare), bound to an Esper host.
import { Miniflare } from "miniflare";

export async function startWorker(script, bindings) {
  const mf = new Miniflare({
    modules: true,
    script,
    compatibilityDate: "2025-01-01",
    bindings,
    cache: true,
  });
  await mf.ready;
  return {
    fetch: (url, init = {}) => mf.dispatchFetch(url, { redirect: "manual", ...init }),
    dispose: () => mf.dispose(),
  };
}
