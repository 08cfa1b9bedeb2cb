import type { EsperDecision } from "./types.js";

/**
 * The memo entry a block decision earns: its entity keys (sorted, joined) and the latest active block penalty's
 * expiry. A block without a penalty in the future (a window that fired with `duration_seconds` 0, a dry run) is
 * not memoised: the next request must be decided again.
 */
export function memoKeyOf(decision: EsperDecision, now = Date.now()): { key: string; expiresAt: number } | undefined {
  let expiresAt = 0;
  for (const match of decision.matches ?? []) {
    const expiry = (match.penalty_expires_at ?? 0) * 1000;
    if (match.mode === "block" && !match.dry_run && !match.waived && expiry > now && expiry > expiresAt) {
      expiresAt = expiry;
    }
  }

  const keys = Object.values(decision.entities ?? {}).sort();
  return expiresAt === 0 || keys.length === 0 ? undefined : { key: keys.join(","), expiresAt };
}
