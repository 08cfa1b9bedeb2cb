export { EsperClient } from "./client.js";
export type { EsperClientOptions } from "./client-options.js";
export type {
  BeaconResult,
  CallOptions,
  DecideResult,
  DecisionMatch,
  EsperDecision,
  EsperErrorDecision,
  EsperEvent,
  EsperFailure,
  PassCookie,
  ProofResult,
  RequestContext,
} from "./types.js";
export type { EsperOptions, BlockResponder, IncomingRequest } from "./options.js";
export { LruBlockMemo, type BlockMemo, type MemoisedBlock } from "./memo.js";
export { CacheApiBlockMemo } from "./cache-memo.js";
