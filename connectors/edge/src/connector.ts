import { EsperClient } from "./client.js";
import { buildEvent, forwardRules, proofParam, type ForwardRules } from "./context.js";
import { memoKeyOf } from "./memo-key.js";
import type { BlockMemo, MemoisedBlock } from "./memo.js";
import { checkConnectorOptions, type BlockResponder, type EsperOptions, type IncomingRequest } from "./options.js";
import { challengeResponse, defaultBlockResponse, redirect } from "./responses.js";
import { resolveClientOptions } from "./client-options.js";
import type { DecideResult, EsperDecision, EsperFailure } from "./types.js";

/** What a platform adapter knows about one request beyond the request itself. */
export interface RequestFacts {
  clientIp: string | undefined;
  /** Platform fields (Cloudflare's country, ASN, TLS, bot score). */
  fields?: Record<string, string>;
  /** Keeps work alive after the response (Workers' `ctx.waitUntil`); fire-and-forget where there is none. */
  waitUntil(promise: Promise<unknown>): void;
  /** `ESPER_API_KEY` / `ESPER_API_URL` of the platform's environment. */
  env: { apiKey?: string | undefined; apiUrl?: string | undefined };
}

/**
 * The flow every entry shares: proof exchange, memoised blocks, one decision and its application. It answers a
 * `Response` to send instead of the customer's handler, or `null` to let the request through.
 */
export class Connector {
  readonly #options: EsperOptions;
  readonly #rules: ForwardRules;
  readonly #memo: BlockMemo | undefined;
  readonly #source: string;
  readonly #blockResponse: BlockResponder;
  readonly #lastReport = new Map<string, number>();
  #client: EsperClient | undefined;
  #clientKey = "";

  /** Throws a `TypeError` naming an invalid option, at start-up rather than per request. */
  constructor(options: EsperOptions, source: string, memo: BlockMemo | undefined) {
    // The key and URL may come from the environment per request; everything else is checked now.
    const timing = resolveClientOptions({ ...options, apiKey: "checked-later", apiUrl: "https://checked.later" });
    const problem = checkConnectorOptions(options) ?? (typeof timing === "string" ? timing : undefined);
    if (problem !== undefined) {
      throw new TypeError(`esper-ts-client: ${problem}`);
    }

    this.#options = options;
    this.#rules = forwardRules(options);
    this.#memo = options.memo === false ? undefined : (options.memo ?? memo);
    this.#source = options.source ?? source;
    this.#blockResponse = options.blockResponse ?? defaultBlockResponse;
  }

  async handle(request: IncomingRequest, facts: RequestFacts): Promise<Response | null> {
    const url = new URL(request.url);
    if (!this.#inScope(url.pathname)) {
      return null;
    }

    const client = this.#clientFor(facts);
    if (typeof client === "string") {
      return this.#fail(request, { kind: "config", message: client, attempts: 0 });
    }

    const proof = url.searchParams.get(proofParam);
    if (proof !== null) {
      return this.#exchangeProof(client, url, proof);
    }

    const extra = await this.#extraFields(request);
    const fields = facts.fields === undefined && extra === undefined ? undefined : { ...facts.fields, ...extra };
    const event = buildEvent(request, url, facts.clientIp, this.#rules, fields, this.#source);
    if (this.#options.mode === "monitor") {
      facts.waitUntil(client.sendBeaconEvent(event).then((r) => (r.ok ? undefined : this.#report(r.error))));
      return null;
    }

    const memo = this.#memo;
    const identity = memo === undefined || facts.clientIp === undefined ? undefined : `${facts.clientIp}\n${(event.request.user_agent ?? "").slice(0, 512)}`;
    if (memo === undefined || identity === undefined) {
      return this.#apply(await client.decide(event), request, undefined, facts);
    }

    const now = Date.now();
    const local = memo.peek?.(identity, now);
    if (local !== undefined) {
      return this.#blockResponse({ ...local.decision, memoised: true }, request);
    }

    // The shared memo is read beside the decision: a hit answers at once (and cancels the call), a miss costs
    // nothing, and when Esper fails the hit still applies (stale-on-error).
    const cancel = new AbortController();
    const stored = memo.get(identity, now).catch(() => undefined);
    const decided = client.decide(event, { signal: cancel.signal });
    const first = await Promise.race<DecideResult | MemoisedBlock>([decided, stored.then<DecideResult | MemoisedBlock>((hit) => hit ?? decided)]);
    const hit = "expiresAt" in first ? first : first.action === "error" ? await stored : undefined;
    if (hit !== undefined) {
      cancel.abort();
      return this.#blockResponse({ ...hit.decision, memoised: true }, request);
    }

    return this.#apply(first as DecideResult, request, identity, facts);
  }

  async #apply(decision: DecideResult, request: IncomingRequest, identity: string | undefined, facts: RequestFacts): Promise<Response | null> {
    switch (decision.action) {
      case "allow":
        return null;
      case "error":
        return this.#fail(request, decision.error);
      case "block":
        this.#remember(decision, identity, facts);
        return this.#blockResponse(decision, request);
      case "challenge":
        return decision.redirect_url !== null && wantsPage(request) ? redirect(decision.redirect_url) : challengeResponse(decision);
    }
  }

  async #exchangeProof(client: EsperClient, url: URL, proof: string): Promise<Response> {
    const result = await client.verifyChallengeProof(proof, url.href);
    url.searchParams.delete(proofParam);
    if (!result.valid) {
      this.#report(result.error);
      return redirect(url.href);
    }

    return redirect(url.href, result.set_cookie);
  }

  #remember(decision: EsperDecision, identity: string | undefined, facts: RequestFacts): void {
    const entityKey = memoKeyOf(decision);
    if (identity === undefined || entityKey === undefined || this.#memo === undefined) {
      return;
    }

    facts.waitUntil(this.#memo.put(identity, entityKey.key, { decision, expiresAt: entityKey.expiresAt }).catch(() => undefined));
  }

  async #fail(request: IncomingRequest, error: EsperFailure): Promise<Response | null> {
    this.#report(error);
    return this.#options.failure === "closed" ? this.#blockResponse({ action: "error", error }, request) : null;
  }

  #report(error: EsperFailure): void {
    const now = Date.now();
    if (this.#options.onError === undefined && now - (this.#lastReport.get(error.kind) ?? 0) < 10_000) {
      return;
    }

    this.#lastReport.set(error.kind, now);
    const message = `esper-ts-client: ${error.kind}: ${error.message} (failure mode ${this.#options.failure ?? "open"})`;
    (this.#options.onError ?? console.warn)(message);
  }

  /** The customer's fields callback; one that throws costs its fields, never the request. */
  async #extraFields(request: IncomingRequest): Promise<Record<string, string> | undefined> {
    try {
      return (await this.#options.fields?.(request)) ?? undefined;
    } catch (error) {
      this.#report({ kind: "config", message: `the fields callback threw: ${error instanceof Error ? error.message : String(error)}`, attempts: 0 });
      return undefined;
    }
  }

  #clientFor(facts: RequestFacts): EsperClient | string {
    const apiKey = this.#options.apiKey ?? facts.env.apiKey ?? "";
    const apiUrl = this.#options.apiUrl ?? facts.env.apiUrl ?? "";
    const key = `${apiKey}\n${apiUrl}`;
    if (this.#client !== undefined && key === this.#clientKey) {
      return this.#client;
    }

    const resolved = resolveClientOptions({ ...this.#options, apiKey, apiUrl });
    if (typeof resolved === "string") {
      return resolved;
    }

    this.#client = new EsperClient({ ...this.#options, apiKey, apiUrl });
    this.#clientKey = key;
    return this.#client;
  }

  #inScope(path: string): boolean {
    const matches = (rule: string | RegExp) => (typeof rule === "string" ? path.startsWith(rule) : rule.test(path));
    const include = this.#options.include;
    if (include !== undefined && include.length > 0 && !include.some(matches)) {
      return false;
    }

    return !(this.#options.exclude ?? []).some(matches);
  }
}

/** Browsers get the challenge page; API callers (no HTML accepted, or not a GET) get a 403 JSON they can act on. */
function wantsPage(request: IncomingRequest): boolean {
  const method = request.method.toUpperCase();
  return (method === "GET" || method === "HEAD") && (request.headers.get("accept") ?? "").includes("text/html");
}
