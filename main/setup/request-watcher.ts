export interface RequestWatcherOptions {
  intervalMs: number;
  /** Stop polling after this long; the wizard offers "check again", and opening the approval starts it anew. */
  maxWatchMs: number;
  now?: () => number;
  onError?: (profileId: string, error: unknown) => void;
}

/**
 * Polls Altinn for the owner's decision on a systembruker request, one loop per profile, while the app runs.
 * `poll` answers whether to keep going (the request is still New). Timers are unref'd so a CLI run never hangs.
 */
export class RequestWatcher {
  private readonly loops = new Map<string, { timer: NodeJS.Timeout | undefined; until: number; stopped: boolean }>();
  private readonly now: () => number;

  constructor(private readonly options: RequestWatcherOptions) {
    this.now = options.now ?? Date.now;
  }

  isWatching(profileId: string): boolean {
    return this.loops.has(profileId);
  }

  /** Starts (or extends) the loop for a profile; the first poll comes one interval from now. */
  watch(profileId: string, poll: () => Promise<boolean>): void {
    const existing = this.loops.get(profileId);
    if (existing) {
      existing.until = this.now() + this.options.maxWatchMs;
      return;
    }
    const loop = {
      timer: undefined as NodeJS.Timeout | undefined,
      until: this.now() + this.options.maxWatchMs,
      stopped: false,
    };
    this.loops.set(profileId, loop);
    const tick = async () => {
      let keepGoing = true;
      try {
        keepGoing = await poll();
      } catch (error) {
        // A failed poll (network, Altinn down) is retried at the next tick; the wizard shows the last good status.
        this.options.onError?.(profileId, error);
      }
      if (loop.stopped) return;
      if (!keepGoing || this.now() >= loop.until) {
        this.loops.delete(profileId);
        return;
      }
      schedule();
    };
    const schedule = () => {
      loop.timer = setTimeout(() => void tick(), this.options.intervalMs);
      loop.timer.unref?.();
    };
    schedule();
  }

  stop(profileId: string): void {
    const loop = this.loops.get(profileId);
    if (!loop) return;
    loop.stopped = true;
    clearTimeout(loop.timer);
    this.loops.delete(profileId);
  }

  stopAll(): void {
    for (const id of [...this.loops.keys()]) this.stop(id);
  }
}
