import { Connector } from "./connector.js";
import { firstHop } from "./context.js";
import { LruBlockMemo } from "./memo.js";
import type { EsperOptions } from "./options.js";
import { detach, processEnv } from "./platform-env.js";

export { EsperClient } from "./client.js";
export type { EsperOptions } from "./options.js";

/** The part of Next's `NextFetchEvent` the connector uses; absent outside Next. */
export interface MiddlewareEvent {
  waitUntil(promise: Promise<unknown>): void;
}

/** Edge middleware: a `Response` ends the request, `undefined` lets it continue. */
export type Middleware = (request: Request, event?: MiddlewareEvent) => Response | undefined | null | void | Promise<Response | undefined | null | void>;

/**
 * Wraps Vercel Edge Middleware (Web `Request`/`Response`, `NextRequest` included): Esper decides first, then
 * `middleware` runs for allowed requests. Without `middleware` the request continues (`undefined`).
 */
export function withEsper(middleware?: Middleware, options: EsperOptions = {}): (request: Request, event?: MiddlewareEvent) => Promise<Response | undefined> {
  const connector = new Connector(options, "vercel-edge", new LruBlockMemo());
  return async (request, event) => {
    const answer = await connector.handle(request, {
      clientIp: clientIpOf(request),
      waitUntil: (promise) => (event?.waitUntil ? event.waitUntil(promise) : detach(promise)),
      env: processEnv(),
    });
    if (answer !== null) {
      return answer;
    }

    return (await middleware?.(request, event)) ?? undefined;
  };
}

/** The middleware alone: `export const middleware = esperMiddleware()`. */
export function esperMiddleware(options: EsperOptions = {}): (request: Request, event?: MiddlewareEvent) => Promise<Response | undefined> {
  return withEsper(undefined, options);
}

function clientIpOf(request: Request): string | undefined {
  return (
    firstHop(request.headers.get("x-forwarded-for")) ??
    firstHop(request.headers.get("x-real-ip")) ??
    (request as { ip?: string }).ip ??
    undefined
  );
}
