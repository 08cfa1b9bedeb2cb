import type { EsperClientOptions } from "./client-options.js";
import type { BlockMemo } from "./memo.js";
import type { EsperDecision, EsperErrorDecision } from "./types.js";

/** The request as the connector sees it: a Web `Request` fits, and so does the view the Node middleware builds. */
export interface IncomingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
}

/** Builds the response for a block, or for an Esper failure under `failure: "closed"`. */
export type BlockResponder = (decision: EsperDecision | EsperErrorDecision, request: IncomingRequest) => Response | Promise<Response>;

/** Options every connector entry takes; all are optional. */
export interface EsperOptions extends Partial<EsperClientOptions> {
  /** `enforce` applies each decision; `monitor` only records the request with a beacon that does not delay it. Default `enforce`. */
  mode?: "enforce" | "monitor";
  /** What a request gets when Esper cannot answer in time: `open` lets it through, `closed` blocks it (503). Default `open`. */
  failure?: "open" | "closed";
  /** Paths to protect: string prefixes or regular expressions. Default: every path. */
  include?: (string | RegExp)[];
  /** Paths never sent to Esper, checked after `include`. Default: none. */
  exclude?: (string | RegExp)[];
  /** Header names to forward (case-insensitive). Default: every header except the denied ones. */
  allowHeaders?: string[];
  /** Header names never forwarded, on top of `authorization`, `proxy-authorization`, `cookie` and `x-esper-api-key`, which are forwarded only when named in `allowHeaders`. */
  denyHeaders?: string[];
  /** Cookie names whose values are forwarded. Default: only Esper's pass cookie `esper_challenge`. */
  allowCookies?: string[];
  /** Extra tenant fields for each request (`fields.<name>` in policies). */
  fields?: (request: IncomingRequest) => Record<string, string> | undefined | Promise<Record<string, string> | undefined>;
  /** Custom response for blocks (and closed failures). Default: JSON `{"error":"blocked"}` with the mitigation's status (403). */
  blockResponse?: BlockResponder;
  /** Where block decisions with a penalty are memoised; `false` turns the memo off. Default: the Cache API on Workers, an in-memory LRU elsewhere. */
  memo?: BlockMemo | false;
  /** The event's `source`. Default: the platform (`cloudflare-worker`, `vercel-edge`, `node`). */
  source?: string;
  /** Called when Esper could not answer; default `console.warn`, at most once per 10 s per kind of failure. */
  onError?: (message: string) => void;
}

/** Applies defaults to the connector-level options and names the first invalid one. */
export function checkConnectorOptions(options: EsperOptions): string | undefined {
  if (options.mode !== undefined && options.mode !== "enforce" && options.mode !== "monitor") {
    return `mode must be "enforce" or "monitor", not ${JSON.stringify(options.mode)}`;
  }

  if (options.failure !== undefined && options.failure !== "open" && options.failure !== "closed") {
    return `failure must be "open" or "closed", not ${JSON.stringify(options.failure)}`;
  }

  return undefined;
}
