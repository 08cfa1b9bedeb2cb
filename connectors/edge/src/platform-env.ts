/** `ESPER_API_KEY` / `ESPER_API_URL` from `process.env` where the platform has one (Vercel Edge and Node do). */
export function processEnv(): { apiKey?: string | undefined; apiUrl?: string | undefined } {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return { apiKey: env?.["ESPER_API_KEY"], apiUrl: env?.["ESPER_API_URL"] };
}

/** Runs background work where the platform offers no `waitUntil`, so its failure never surfaces as unhandled. */
export function detach(promise: Promise<unknown>): void {
  promise.catch(() => undefined);
}
