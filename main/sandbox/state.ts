import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../disk/atomic-write';

/**
 * The emulator's memory: one JSON-serialisable slice per module (Maskinporten's clients, Altinn's systems, …).
 * With a file it survives a restart, so a sandbox session (an approved systembruker, a submission's dialogs)
 * is still there the next time the app starts.
 */
export class EmulatorState {
  private slices = new Map<string, unknown>();
  private readonly inits = new Map<string, () => unknown>();
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      try {
        const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        this.slices = new Map(Object.entries(saved));
      } catch {
        // A sandbox that cannot be read starts afresh: it is training data, not the user's records.
        this.slices = new Map();
      }
    }
  }

  /** The module's slice; created by `init` the first time (or after a reset). Mutate it, then call `save()`. */
  slice<T>(name: string, init: () => T): T {
    this.inits.set(name, init);
    if (!this.slices.has(name)) this.slices.set(name, init());
    return this.slices.get(name) as T;
  }

  reset(): void {
    this.slices = new Map([...this.inits].map(([name, init]) => [name, init()]));
    this.save();
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries(this.slices);
  }

  /** Writes are chained so two quick saves never interleave on disk. */
  save(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const json = JSON.stringify(this.snapshot());
    this.pending = this.pending.then(() => writeFileAtomic(file, json)).catch(() => undefined);
    return this.pending;
  }

  flush(): Promise<void> {
    return this.pending;
  }
}
