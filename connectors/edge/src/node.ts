import { Connector } from "./connector.js";
import { firstHop } from "./context.js";
import { LruBlockMemo } from "./memo.js";
import type { EsperOptions, IncomingRequest } from "./options.js";
import { detach, processEnv } from "./platform-env.js";

export { EsperClient } from "./client.js";
export type { EsperOptions } from "./options.js";

/** What the middleware reads from Node's `IncomingMessage` (Express, Functions Framework, plain `http`). */
export interface NodeRequest {
  method?: string | undefined;
  url?: string | undefined;
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string | undefined; encrypted?: boolean } | null;
}

/** What the middleware writes to Node's `ServerResponse`. */
export interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string | string[]): unknown;
  end(body?: string): unknown;
}

export type NextFunction = (error?: unknown) => void;

/** Express-style middleware: `app.use(esperMiddleware())`; allowed requests go on with `next()`. */
export function esperMiddleware(options: EsperOptions = {}): (req: NodeRequest, res: NodeResponse, next: NextFunction) => Promise<void> {
  const connector = new Connector(options, "node", new LruBlockMemo());
  return async (req, res, next) => {
    let answer: Response | null;
    try {
      const request = toIncoming(req);
      answer = await connector.handle(request, { clientIp: clientIpOf(req), waitUntil: detach, env: processEnv() });
    } catch (error) {
      // The connector resolves failures to values; anything else is a bug that must not take the app down.
      answer = null;
      console.warn(`esper-ts-client: ${error instanceof Error ? error.message : String(error)}`);
    }

    if (answer === null) {
      next();
      return;
    }

    await send(answer, res);
  };
}

/** Wraps an HTTP function (`(req, res) => …`, the Functions Framework's signature) with the middleware. */
export function withEsper<Req extends NodeRequest, Res extends NodeResponse>(
  handler: (req: Req, res: Res) => unknown,
  options: EsperOptions = {},
): (req: Req, res: Res) => Promise<void> {
  const middleware = esperMiddleware(options);
  return async (req, res) => {
    let allowed = false;
    await middleware(req, res, () => {
      allowed = true;
    });
    if (allowed) {
      await handler(req, res);
    }
  };
}

function toIncoming(req: NodeRequest): IncomingRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) {
      continue;
    }

    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }

  const proto = firstHop(headers.get("x-forwarded-proto")) ?? (req.socket?.encrypted ? "https" : "http");
  const host = firstHop(headers.get("x-forwarded-host")) ?? headers.get("host") ?? "localhost";
  const path = req.originalUrl ?? req.url ?? "/";
  return { url: new URL(path, `${proto}://${host}`).href, method: (req.method ?? "GET").toUpperCase(), headers };
}

function clientIpOf(req: NodeRequest): string | undefined {
  const forwarded = req.headers["x-forwarded-for"];
  return firstHop(Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? req.socket?.remoteAddress ?? undefined;
}

async function send(answer: Response, res: NodeResponse): Promise<void> {
  res.statusCode = answer.status;
  const cookies = answer.headers.getSetCookie?.() ?? [];
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") {
      res.setHeader(name, value);
    }
  });
  if (cookies.length > 0) {
    res.setHeader("set-cookie", cookies);
  }

  res.end(await answer.text());
}
