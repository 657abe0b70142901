import { readFile } from 'node:fs/promises';
import type { RegisterAnswer, RegisterFacts, RegisterLookup } from '../../shared/domain/register-facts';
import { writeFileAtomic } from '../disk/atomic-write';
import { EnhetsregisteretClient, EnhetsregisteretError } from './enhetsregisteret-client';

export interface RegisterCacheOptions {
  /** `<dataDir>/enhetsregisteret.json`. */
  file: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
}

/**
 * Which register answers, and where: `key` names it in the cache (`sandbox`, or the base URL of a real one), so the
 * sandbox's answers survive its port changing between runs, and sandbox and real answers never mix.
 */
export interface RegisterSource {
  readonly key: string;
  readonly base: string;
}

/** The answers by register key, then by organisation number. */
type CacheFile = { version: 1; byKey: Record<string, Record<string, RegisterAnswer>> };

/**
 * Enhetsregisteret through a cache on disk: a lookup asks the register and keeps the answer with its fetch time;
 * when the register cannot be reached it gives the last answer kept (the caller shows its age). Report checks
 * read only the cache (`cached`), so a check never waits for the network.
 */
export class RegisterCache {
  private memory: CacheFile | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: RegisterCacheOptions) {}

  async lookup(source: RegisterSource, orgNumber: string): Promise<RegisterLookup> {
    const client = new EnhetsregisteretClient({
      base: source.base,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.timeoutMs !== undefined ? { timeoutMs: this.options.timeoutMs } : {}),
      ...(this.options.now ? { now: this.options.now } : {}),
    });
    try {
      const answer = await client.lookup(orgNumber);
      await this.keep(source.key, answer);
      return { answer, fromCache: false };
    } catch (thrown) {
      if (!(thrown instanceof EnhetsregisteretError)) throw thrown;
      const kept = (await this.load()).byKey[source.key]?.[orgNumber];
      if (kept) return { answer: kept, fromCache: true };
      throw thrown;
    }
  }

  /**
   * Looks each number up, and each hovedenhet an underenhet among them names, without failing: what cannot be
   * reached keeps its last answer. For prefetching when a profile is activated or a report picked.
   */
  async prefetch(source: RegisterSource, orgNumbers: readonly string[]): Promise<void> {
    const parents = new Set<string>();
    for (const orgNumber of new Set(orgNumbers)) {
      const got = await this.lookup(source, orgNumber).catch(() => null);
      const parent = got?.answer.status === 'found' ? got.answer.unit.parent : undefined;
      if (parent && !orgNumbers.includes(parent)) parents.add(parent);
    }
    for (const parent of parents) await this.lookup(source, parent).catch(() => null);
  }

  /** Every answer kept for this register: read from disk only. */
  async cached(key: string): Promise<RegisterFacts> {
    return { ...(await this.load()).byKey[key] };
  }

  private async keep(key: string, answer: RegisterAnswer): Promise<void> {
    const cache = await this.load();
    const orgNumber = answer.status === 'found' ? answer.unit.orgNumber : answer.orgNumber;
    cache.byKey[key] = { ...cache.byKey[key], [orgNumber]: answer };
    // Writes are chained so two lookups at once cannot leave the older answer on disk.
    const text = JSON.stringify(cache);
    this.writing = this.writing.then(() => writeFileAtomic(this.options.file, text));
    await this.writing;
  }

  private async load(): Promise<CacheFile> {
    if (this.memory) return this.memory;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(this.options.file, 'utf8'));
    } catch {
      parsed = null;
    }
    // A missing or damaged cache is only a cache: it starts again empty.
    this.memory = isCacheFile(parsed) ? parsed : { version: 1, byKey: {} };
    return this.memory;
  }
}

function isCacheFile(value: unknown): value is CacheFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as CacheFile).version === 1 &&
    typeof (value as CacheFile).byKey === 'object' &&
    (value as CacheFile).byKey !== null
  );
}
