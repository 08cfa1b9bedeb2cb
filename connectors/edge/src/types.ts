/** The context of one HTTP request, in the nested shape Esper's runtime and beacon endpoints read. */
export interface RequestContext {
  method?: string;
  path?: string;
  client_ip?: string;
  user_agent?: string;
  headers?: Record<string, string>;
  query_params?: Record<string, string>;
  cookies?: Record<string, string>;
  route_params?: Record<string, string>;
}

/** One event sent to `decide` or `sendBeaconEvent`. */
export interface EsperEvent {
  request: RequestContext;
  /** Tenant fields (`fields.<name>` in expressions); values are text. */
  fields?: Record<string, string>;
  source?: string;
  /** RFC 3339; the client fills it in when absent. */
  observed_at?: string;
  /** Makes retries count once; the client generates one when absent. */
  idempotency_key?: string;
  /** Where a solved challenge sends the visitor back. */
  return_url?: string;
}

/** One policy clause that fired in a decision. */
export interface DecisionMatch {
  policy_id: string;
  clause: number;
  mitigation_id: string;
  mode: "monitor" | "challenge" | "block";
  dry_run: boolean;
  window_count: number | null;
  penalty_active: boolean;
  /** Unix seconds until which the mitigation stays on the entity key. */
  penalty_expires_at?: number | null;
  waived: boolean;
}

/** Esper's answer to one runtime decision. */
export interface EsperDecision {
  action: "allow" | "challenge" | "block";
  decision_id: string;
  redirect_url: string | null;
  mitigation: { id: string; name: string; mode: string } | null;
  policy_id: string | null;
  outcome: string;
  matches: DecisionMatch[];
  actions: { id: string; name: string }[];
  /** Entity id to entity key, for every entity this request has a key for. */
  entities: Record<string, string>;
  reason: string | null;
  encoding_version: string;
  config_version: string;
  decided_at: string;
  block?: { status_code: number; message?: string | null } | null;
  /** True when the answer came from the edge's block memo instead of a round trip. */
  memoised?: boolean;
}

/** Why a call to Esper produced no answer. */
export interface EsperFailure {
  /** `timeout`: no answer within the budget; `network`: unreachable; `http`: an error status; `invalid`: a body that is not the contract; `config`: the connector lacks a key or URL; `aborted`: the caller's signal fired. */
  kind: "timeout" | "network" | "http" | "invalid" | "config" | "aborted";
  message: string;
  status?: number;
  /** The problem type's last segment (`proof-replayed`) when Esper sent a problem document. */
  code?: string;
  attempts: number;
}

/** The decision a failed call stands for: the connector applies its failure mode to it. */
export interface EsperErrorDecision {
  action: "error";
  error: EsperFailure;
}

/** Per-call options of `decide`, `sendBeaconEvent` and `verifyChallengeProof`. */
export interface CallOptions {
  /** Cancels the call (and its retries); it then resolves to an `aborted` failure. */
  signal?: AbortSignal;
}

/** What `decide` resolves to; it never rejects. */
export type DecideResult = EsperDecision | EsperErrorDecision;

/** What `sendBeaconEvent` resolves to; it never rejects. */
export type BeaconResult =
  | { ok: true; accepted: number; duplicates: number }
  | { ok: false; error: EsperFailure };

/** The cookie Esper asks the integration to set for a pass. */
export interface PassCookie {
  name: string;
  value: string;
  max_age: number;
  path: string;
  secure: boolean;
  http_only: boolean;
  same_site: string;
}

/** What `verifyChallengeProof` resolves to; it never rejects. */
export type ProofResult =
  | {
      valid: true;
      pass: string;
      expires_at: string;
      max_age: number;
      cookie: PassCookie;
      set_cookie: string;
      header: string;
    }
  | { valid: false; error: EsperFailure };
