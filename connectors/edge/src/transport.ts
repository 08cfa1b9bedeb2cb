import type { ResolvedClientOptions } from "./client-options.js";
import type { EsperFailure } from "./types.js";

/** The parsed JSON body of a successful answer, or why there is none. */
export type TransportResult = { ok: true; status: number; body: unknown } | { ok: false; error: EsperFailure };

const retryableStatus = (status: number): boolean => status === 409 || status === 429 || status >= 500;

/**
 * POSTs one JSON body, retrying timeouts, network failures and retryable statuses within the call's budget.
 * The body is serialised once, so every attempt carries the same idempotency keys.
 */
export async function postJson(options: ResolvedClientOptions, path: string, payload: unknown, signal?: AbortSignal): Promise<TransportResult> {
  const body = JSON.stringify(payload);
  const deadline = Date.now() + options.timeoutMs;
  let last: EsperFailure = { kind: "timeout", message: `no answer within ${options.timeoutMs} ms`, attempts: 0 };
  for (let attempt = 1; attempt <= options.retries + 1; attempt++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      break;
    }

    if (signal?.aborted) {
      return { ok: false, error: { kind: "aborted", message: "the call was cancelled", attempts: attempt - 1 } };
    }

    const outcome = await attemptOnce(options, path, body, Math.min(options.attemptTimeoutMs, remaining), attempt, signal);
    if (outcome.ok || !outcome.retry) {
      return outcome.ok ? outcome : { ok: false, error: outcome.error };
    }

    last = outcome.error;
    const pause = Math.min(options.retryDelayMs, deadline - Date.now());
    if (attempt <= options.retries && pause > 0) {
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  return { ok: false, error: last.kind === "timeout" ? { ...last, message: `no answer within ${options.timeoutMs} ms` } : last };
}

type Attempt = { ok: true; status: number; body: unknown } | { ok: false; retry: boolean; error: EsperFailure };

async function attemptOnce(
  options: ResolvedClientOptions,
  path: string,
  body: string,
  timeoutMs: number,
  attempt: number,
  signal: AbortSignal | undefined,
): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const cancel = () => controller.abort();
  signal?.addEventListener("abort", cancel);
  try {
    const response = await options.fetch(options.apiUrl + path, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "x-esper-api-key": options.apiKey },
      body,
      signal: controller.signal,
    });
    const text = await response.text();
    if (response.ok) {
      try {
        return { ok: true, status: response.status, body: JSON.parse(text) };
      } catch {
        return { ok: false, retry: false, error: { kind: "invalid", message: "the answer is not JSON", status: response.status, attempts: attempt } };
      }
    }

    return { ok: false, retry: retryableStatus(response.status), error: problemOf(response.status, text, attempt) };
  } catch (error) {
    if (signal?.aborted) {
      return { ok: false, retry: false, error: { kind: "aborted", message: "the call was cancelled", attempts: attempt } };
    }

    const timedOut = controller.signal.aborted;
    return {
      ok: false,
      retry: true,
      error: timedOut
        ? { kind: "timeout", message: `attempt ${attempt} timed out after ${timeoutMs} ms`, attempts: attempt }
        : { kind: "network", message: error instanceof Error ? error.message : String(error), attempts: attempt },
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", cancel);
  }
}

function problemOf(status: number, text: string, attempts: number): EsperFailure {
  try {
    const problem = JSON.parse(text) as { type?: unknown; detail?: unknown; title?: unknown };
    const type = typeof problem.type === "string" ? problem.type : "";
    const code = type.startsWith("urn:esper:problem:") ? type.slice("urn:esper:problem:".length) : undefined;
    const detail = typeof problem.detail === "string" ? problem.detail : typeof problem.title === "string" ? problem.title : `status ${status}`;
    return code === undefined ? { kind: "http", message: detail, status, attempts } : { kind: "http", message: detail, status, code, attempts };
  } catch {
    return { kind: "http", message: `status ${status}`, status, attempts };
  }
}
