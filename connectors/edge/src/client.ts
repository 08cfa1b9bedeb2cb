import { resolveClientOptions, type EsperClientOptions, type ResolvedClientOptions } from "./client-options.js";
import { postJson } from "./transport.js";
import type { BeaconResult, CallOptions, DecideResult, EsperDecision, EsperEvent, ProofResult } from "./types.js";

const actions = new Set(["allow", "challenge", "block"]);

/** Calls Esper's runtime decision, beacon and proof-verify endpoints; every method resolves to a value and never rejects. */
export class EsperClient {
  readonly #options: ResolvedClientOptions;

  /** Throws a `TypeError` naming the setting when the options are not usable. */
  constructor(options: EsperClientOptions) {
    const resolved = resolveClientOptions(options);
    if (typeof resolved === "string") {
      throw new TypeError(`EsperClient: ${resolved}`);
    }

    this.#options = resolved;
  }

  /** Asks Esper for one decision; a failure comes back as an `error` decision. */
  async decide(event: EsperEvent, call: CallOptions = {}): Promise<DecideResult> {
    const result = await postJson(this.#options, "/api/v1/runtime/mitigation", complete(event), call.signal);
    if (!result.ok) {
      return { action: "error", error: result.error };
    }

    const decision = result.body as EsperDecision | null;
    if (decision === null || typeof decision !== "object" || !actions.has(decision.action)) {
      return { action: "error", error: { kind: "invalid", message: "the answer has no action", status: result.status, attempts: 1 } };
    }

    return decision;
  }

  /** Records events without asking for an action (1-100 per call). */
  async sendBeaconEvent(events: EsperEvent | EsperEvent[], call: CallOptions = {}): Promise<BeaconResult> {
    const payload = Array.isArray(events) ? events.map(complete) : complete(events);
    const result = await postJson(this.#options, "/api/v1/beacon/event", payload, call.signal);
    if (!result.ok) {
      return { ok: false, error: result.error };
    }

    const body = result.body as { accepted?: unknown; duplicates?: unknown };
    return { ok: true, accepted: Number(body.accepted ?? 0), duplicates: Number(body.duplicates ?? 0) };
  }

  /** Exchanges a challenge proof for a pass; `url` is the URL the proof arrived on. */
  async verifyChallengeProof(token: string, url?: string, call: CallOptions = {}): Promise<ProofResult> {
    const body = url === undefined ? { proof: token } : { proof: token, url };
    const result = await postJson(this.#options, "/api/v1/challenge/proof/verify", body, call.signal);
    if (!result.ok) {
      return { valid: false, error: result.error };
    }

    const answer = result.body as Extract<ProofResult, { valid: true }>;
    if (answer?.valid !== true || typeof answer.pass !== "string" || typeof answer.set_cookie !== "string") {
      return { valid: false, error: { kind: "invalid", message: "the answer carries no pass", status: result.status, attempts: 1 } };
    }

    return answer;
  }
}

function complete(event: EsperEvent): EsperEvent {
  return {
    ...event,
    observed_at: event.observed_at ?? new Date().toISOString(),
    idempotency_key: event.idempotency_key ?? crypto.randomUUID(),
  };
}
