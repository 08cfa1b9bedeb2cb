import type { EsperOptions, IncomingRequest } from "./options.js";
import type { EsperEvent, RequestContext } from "./types.js";

/** Query parameter a solved challenge brings the visitor back with. */
export const proofParam = "esper_challenge_proof";
/** Cookie that carries the pass; always forwarded so Esper can waive the challenge. */
export const passCookie = "esper_challenge";
/** Header clients without cookies may carry the pass in. */
export const passHeader = "x-esper-challenge-pass";

const secretHeaders = new Set(["authorization", "proxy-authorization", "cookie", "x-esper-api-key"]);
const maxEntries = 64;
const maxValue = 8192;

/** The header and cookie rules of one connector, lower-cased once. */
export interface ForwardRules {
  allowHeaders: Set<string> | undefined;
  denyHeaders: Set<string>;
  allowCookies: Set<string>;
}

export function forwardRules(options: EsperOptions): ForwardRules {
  const lower = (names: string[] | undefined) => (names === undefined ? undefined : new Set(names.map((n) => n.toLowerCase())));
  const allowCookies = new Set(options.allowCookies ?? []);
  allowCookies.add(passCookie);
  return { allowHeaders: lower(options.allowHeaders), denyHeaders: lower(options.denyHeaders) ?? new Set(), allowCookies };
}

/** Whether a header may leave the edge: secrets only when allowed by name, the pass header always. */
export function mayForwardHeader(name: string, rules: ForwardRules): boolean {
  if (name === passHeader) {
    return true;
  }

  if (rules.allowHeaders !== undefined) {
    return rules.allowHeaders.has(name);
  }

  return !secretHeaders.has(name) && !rules.denyHeaders.has(name);
}

/** Parses a `cookie` header into name/value pairs (first occurrence wins). */
export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (header === null) {
    return cookies;
  }

  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) {
      continue;
    }

    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1);
    }

    if (name !== "" && !cookies.has(name)) {
      cookies.set(name, value);
    }
  }

  return cookies;
}

/** Builds the runtime event for a request: what Esper needs and nothing the rules keep back. */
export function buildEvent(
  request: IncomingRequest,
  url: URL,
  clientIp: string | undefined,
  rules: ForwardRules,
  fields: Record<string, string> | undefined,
  source: string,
): EsperEvent {
  const headers: Record<string, string> = {};
  let count = 0;
  request.headers.forEach((value, name) => {
    if (count < maxEntries && mayForwardHeader(name, rules)) {
      headers[name] = value.slice(0, maxValue);
      count++;
    }
  });

  const cookies: Record<string, string> = {};
  for (const [name, value] of parseCookies(request.headers.get("cookie"))) {
    if (rules.allowCookies.has(name)) {
      cookies[name] = value.slice(0, maxValue);
    }
  }

  const query: Record<string, string> = {};
  count = 0;
  for (const [name, value] of url.searchParams) {
    if (count < maxEntries && name !== proofParam && !(name in query)) {
      query[name] = value.slice(0, maxValue);
      count++;
    }
  }

  const context: RequestContext = { method: request.method, path: url.pathname, headers, query_params: query, cookies };
  const userAgent = request.headers.get("user-agent");
  if (userAgent) {
    context.user_agent = userAgent.slice(0, 2048);
  }

  if (clientIp) {
    context.client_ip = clientIp;
  }

  const event: EsperEvent = { source, return_url: url.href, request: context };
  if (fields !== undefined && Object.keys(fields).length > 0) {
    event.fields = fields;
  }

  return event;
}

/** The first hop of a forwarded-for list. */
export function firstHop(value: string | null | undefined): string | undefined {
  const hop = value?.split(",")[0]?.trim();
  return hop === undefined || hop === "" ? undefined : hop;
}
