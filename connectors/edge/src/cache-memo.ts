import { LruBlockMemo, type BlockMemo, type MemoisedBlock } from "./memo.js";

const origin = "https://esper-block-memo.invalid";

/**
 * The Workers memo: the Cache API of the data centre, with an in-isolate LRU in front so a hot actor costs no
 * cache read. Entries expire with the penalty (`max-age`); the cache may drop them earlier, which only costs a
 * round trip to Esper.
 */
export class CacheApiBlockMemo implements BlockMemo {
  readonly #cache: Cache;
  readonly #local = new LruBlockMemo(5_000);

  constructor(cache: Cache) {
    this.#cache = cache;
  }

  async get(identity: string, now: number): Promise<MemoisedBlock | undefined> {
    const local = this.#local.getNow(identity, now);
    if (local !== undefined) {
      return local;
    }

    const pointer = await this.#cache.match(`${origin}/identity/${identity}`);
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
      this.#cache.put(`${origin}/identity/${identity}`, new Response(entityKey, { headers })),
      this.#cache.put(`${origin}/entity/${encodeURIComponent(entityKey)}`, new Response(JSON.stringify(block), { headers })),
    ]);
  }
}
