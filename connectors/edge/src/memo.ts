import { Lru } from "./lru.js";
import type { EsperDecision } from "./types.js";

/** A block decision kept at the edge until its penalty expires. */
export interface MemoisedBlock {
  decision: EsperDecision;
  /** Unix milliseconds. */
  expiresAt: number;
}

/**
 * Where block decisions are memoised. A block is stored under the entity key the decision names; `identity`
 * (the client IP and user agent, joined by a newline) points at that entity key, so a later request from the
 * same actor finds the block without asking Esper.
 */
export interface BlockMemo {
  /** A look-up that costs no I/O (an in-memory tier); the connector tries it before anything else. */
  peek?(identity: string, now: number): MemoisedBlock | undefined;
  get(identity: string, now: number): Promise<MemoisedBlock | undefined>;
  put(identity: string, entityKey: string, block: MemoisedBlock): Promise<void>;
}

/** The in-memory memo: one LRU of entity keys per identity, one of blocks per entity key. */
export class LruBlockMemo implements BlockMemo {
  readonly #identities: Lru<string, string>;
  readonly #blocks: Lru<string, MemoisedBlock>;

  constructor(capacity = 10_000) {
    this.#identities = new Lru(capacity);
    this.#blocks = new Lru(capacity);
  }

  async get(identity: string, now: number): Promise<MemoisedBlock | undefined> {
    return this.peek(identity, now);
  }

  peek(identity: string, now: number): MemoisedBlock | undefined {
    const entityKey = this.#identities.get(identity);
    if (entityKey === undefined) {
      return undefined;
    }

    const block = this.#blocks.get(entityKey);
    if (block === undefined || block.expiresAt <= now) {
      this.#blocks.delete(entityKey);
      this.#identities.delete(identity);
      return undefined;
    }

    return block;
  }

  async put(identity: string, entityKey: string, block: MemoisedBlock): Promise<void> {
    this.#identities.set(identity, entityKey);
    this.#blocks.set(entityKey, block);
  }
}
