import { CacheApiBlockMemo } from "./cache-memo.js";
import { Connector } from "./connector.js";
import { LruBlockMemo, type BlockMemo } from "./memo.js";
import type { EsperOptions } from "./options.js";

export { EsperClient } from "./client.js";
export type { EsperOptions } from "./options.js";

/** The bindings `withEsper` reads when the options do not name a key or URL. */
export interface EsperEnv {
  ESPER_API_KEY?: string;
  ESPER_API_URL?: string;
}

/** The part of a Worker's `ExecutionContext` the connector uses. */
export interface WorkerContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** A module-syntax Worker: `export default { fetch }`. */
export interface WorkerHandler<Env = unknown, Ctx extends WorkerContext = WorkerContext> {
  fetch(request: Request, env: Env, ctx: Ctx): Response | Promise<Response>;
}

interface CloudflareProperties {
  country?: string;
  asn?: number;
  asOrganization?: string;
  colo?: string;
  tlsVersion?: string;
  tlsCipher?: string;
  httpProtocol?: string;
  botManagement?: { score?: number; verifiedBot?: boolean };
}

/**
 * Wraps a module-syntax Worker: every request is checked with Esper before `handler.fetch` runs.
 * `export default withEsper({ fetch })`; options are optional (`ESPER_API_KEY` and `ESPER_API_URL` come from `env`).
 */
export function withEsper<H extends WorkerHandler>(handler: H, options: EsperOptions = {}): H {
  const connector = new Connector(options, "cloudflare-worker", defaultMemo());
  return {
    ...handler,
    async fetch(request: Request, env: unknown, ctx: WorkerContext): Promise<Response> {
      const bindings = (env ?? {}) as EsperEnv;
      const answer = await connector.handle(request, {
        clientIp: request.headers.get("cf-connecting-ip") ?? undefined,
        fields: cloudflareFields((request as { cf?: CloudflareProperties }).cf),
        waitUntil: (promise) => ctx.waitUntil(promise),
        env: { apiKey: bindings.ESPER_API_KEY, apiUrl: bindings.ESPER_API_URL },
      });
      return answer ?? handler.fetch(request, env, ctx);
    },
  };
}

function defaultMemo(): BlockMemo {
  const storage = (globalThis as { caches?: { default?: Cache } }).caches;
  return storage?.default !== undefined ? new CacheApiBlockMemo(storage.default) : new LruBlockMemo();
}

function cloudflareFields(cf: CloudflareProperties | undefined): Record<string, string> | undefined {
  if (cf === undefined || cf === null) {
    return undefined;
  }

  const fields: Record<string, string> = {};
  const put = (name: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== "") {
      fields[name] = String(value);
    }
  };
  put("cf_country", cf.country);
  put("cf_asn", cf.asn);
  put("cf_as_organization", cf.asOrganization);
  put("cf_colo", cf.colo);
  put("cf_tls_version", cf.tlsVersion);
  put("cf_tls_cipher", cf.tlsCipher);
  put("cf_http_protocol", cf.httpProtocol);
  put("cf_bot_score", cf.botManagement?.score);
  put("cf_verified_bot", cf.botManagement?.verifiedBot);
  return Object.keys(fields).length > 0 ? fields : undefined;
}
