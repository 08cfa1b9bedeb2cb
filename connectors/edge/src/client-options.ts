/** How an `EsperClient` reaches Esper. */
export interface EsperClientOptions {
  /** A runtime (or admin) API key of the tenant. Required. */
  apiKey: string;
  /** Base URL of the Esper API, without `/api/v1`. Required. */
  apiUrl: string;
  /** Budget for one call, all attempts included, in milliseconds. Default 1000. */
  timeoutMs?: number;
  /** Budget for one attempt, in milliseconds. Default: the whole `timeoutMs` divided over the attempts. */
  attemptTimeoutMs?: number;
  /** Extra attempts after a timeout, a network failure, a 5xx, 409 or 429 answer. Default 1. */
  retries?: number;
  /** Pause before each retry, in milliseconds. Default 20. */
  retryDelayMs?: number;
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof fetch;
}

/** Options with every default applied. */
export interface ResolvedClientOptions {
  apiKey: string;
  apiUrl: string;
  timeoutMs: number;
  attemptTimeoutMs: number;
  retries: number;
  retryDelayMs: number;
  fetch: typeof fetch;
}

/** Applies the defaults and returns the first problem, so a bad setting is named instead of failing per request. */
export function resolveClientOptions(options: EsperClientOptions): ResolvedClientOptions | string {
  if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
    return "apiKey is missing (set ESPER_API_KEY)";
  }

  if (typeof options.apiUrl !== "string" || !/^https?:\/\//.test(options.apiUrl)) {
    return "apiUrl must be an http(s) URL (set ESPER_API_URL)";
  }

  const timeoutMs = options.timeoutMs ?? 1000;
  const retries = options.retries ?? 1;
  const retryDelayMs = options.retryDelayMs ?? 20;
  if (!(timeoutMs > 0 && timeoutMs <= 60_000)) {
    return "timeoutMs must be between 1 and 60000";
  }

  if (!(Number.isInteger(retries) && retries >= 0 && retries <= 5)) {
    return "retries must be an integer between 0 and 5";
  }

  if (!(retryDelayMs >= 0 && retryDelayMs <= 10_000)) {
    return "retryDelayMs must be between 0 and 10000";
  }

  const attemptTimeoutMs = options.attemptTimeoutMs ?? Math.max(1, Math.floor(timeoutMs / (retries + 1)));
  if (!(attemptTimeoutMs > 0 && attemptTimeoutMs <= timeoutMs)) {
    return "attemptTimeoutMs must be between 1 and timeoutMs";
  }

  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") {
    return "no fetch implementation is available";
  }

  return {
    apiKey: options.apiKey.trim(),
    apiUrl: options.apiUrl.replace(/\/+$/, ""),
    timeoutMs,
    attemptTimeoutMs,
    retries,
    retryDelayMs,
    // Workers refuse a fetch called with another `this`, so keep it bound to the global scope.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  };
}
