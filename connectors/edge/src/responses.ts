import type { EsperDecision, EsperErrorDecision } from "./types.js";

const json = (status: number, body: unknown, extra?: Record<string, string>): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...extra },
  });

/** The default block answer: the mitigation's status (403 unless it names another), and for failures 503. */
export function defaultBlockResponse(decision: EsperDecision | EsperErrorDecision): Response {
  if (decision.action === "error") {
    return json(503, { error: "unavailable", message: "The request could not be checked; try again shortly." }, { "retry-after": "5" });
  }

  const status = decision.block?.status_code ?? 403;
  return json(status, { error: "blocked", decision_id: decision.decision_id, message: decision.block?.message ?? "Access denied." });
}

/** A challenge for a client that cannot follow a redirect into a page (an API caller) or when no page is configured. */
export function challengeResponse(decision: EsperDecision): Response {
  return json(403, { error: "challenge", decision_id: decision.decision_id, redirect_url: decision.redirect_url });
}

export function redirect(location: string, setCookie?: string): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  if (setCookie !== undefined) {
    headers.append("set-cookie", setCookie);
  }

  return new Response(null, { status: 302, headers });
}
