/**
 * Runs at most `size` tasks at once, the rest in the order they were handed in: the background work's one limit
 * on how many requests leave at the same time, whatever the number of profiles and clients.
 */
export class TaskPool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private peakRunning = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a task pool needs a size of at least 1, not ${size}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finished task hands its place straight to the next waiting one, so none can slip in between.
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    this.peakRunning = Math.max(this.peakRunning, this.running);
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** The most tasks that ever ran at once (what the concurrency test reads). */
  get peak(): number {
    return this.peakRunning;
  }

  get busy(): number {
    return this.running + this.waiting.length;
  }
}
