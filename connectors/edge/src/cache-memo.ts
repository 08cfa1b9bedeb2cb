import { LruBlockMemo, type BlockMemo, type MemoisedBlock } from "./memo.js";

const origin = "https://esper-block-memo.invalid";

/**
 * The Workers memo: the Cache API of the data centre, with an in-isolate LRU in front so a hot actor costs no
 * cache read. The connector reads the cache beside its call to Esper, never before it, so a miss adds no latency. Entries expire with the penalty (`max-age`); the cache may drop them earlier, which only costs a
 * round trip to Esper.
 */
export class CacheApiBlockMemo implements BlockMemo {
  readonly #cache: Cache;
  readonly #local = new LruBlockMemo(5_000);

  constructor(cache: Cache) {
    this.#cache = cache;
  }

  peek(identity: string, now: number): MemoisedBlock | undefined {
    return this.#local.peek(identity, now);
  }

  async get(identity: string, now: number): Promise<MemoisedBlock | undefined> {
    const local = this.#local.peek(identity, now);
    if (local !== undefined) {
      return local;
    }

    const pointer = await this.#cache.match(`${origin}/identity/${await digest(identity)}`);
    if (pointer === undefined) {
      return undefined;
    }

    const entityKey = await pointer.text();
    const stored = await this.#cache.match(`${origin}/entity/${encodeURIComponent(entityKey)}`);
    if (stored === undefined) {
      return undefined;
    }

    const block = (await stored.json()) as MemoisedBlock;
    if (block.expiresAt <= now) {
      return undefined;
    }

    await this.#local.put(identity, entityKey, block);
    return block;
  }

  async put(identity: string, entityKey: string, block: MemoisedBlock): Promise<void> {
    await this.#local.put(identity, entityKey, block);
    const maxAge = Math.max(1, Math.ceil((block.expiresAt - Date.now()) / 1000));
    const headers = { "cache-control": `max-age=${maxAge}`, "content-type": "application/json" };
    await Promise.all([
      this.#cache.put(`${origin}/identity/${await digest(identity)}`, new Response(entityKey, { headers })),
      this.#cache.put(`${origin}/entity/${encodeURIComponent(entityKey)}`, new Response(JSON.stringify(block), { headers })),
    ]);
  }
}

/** Cache keys carry a hash, never an IP address or user agent. */
async function digest(text: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let hex = "";
  for (const byte of hash.subarray(0, 16)) {
    hex += byte.toString(16).padStart(2, "0");
  }

  return hex;
}
