import { randomUUID } from 'node:crypto';
import type { CheckResult } from '../../shared/reports/check-result';
import type { DraftFileOrigin } from '../../shared/reports/draft';

export interface RecentCheck {
  readonly result: CheckResult;
  readonly origin: DraftFileOrigin;
  /** The profile whose organisation and environment the check used; null when there was none. */
  readonly profileId: string | null;
  /** For dropped files: their bytes by name, since there is no path to read them from again. */
  readonly dropped?: ReadonlyMap<string, Uint8Array>;
  /**
   * Set when the file was routed by its org number (issue 14): `profileId` is then the profile it went to, which
   * need not be the active one, and `clientOrg` the firm's client it is for.
   */
  readonly routed?: { readonly clientOrg?: string | undefined };
}

export interface RecentChecks {
  remember(check: RecentCheck): string;
  get(checkId: string): RecentCheck | undefined;
}

/**
 * The last few checks, so "save as draft" saves exactly the result the user saw without trusting the renderer
 * to send it back. Bounded in count and in dropped bytes held; the oldest go first (the newest always stays).
 */
export function createRecentChecks(limits: { maxChecks?: number; maxBytes?: number } = {}): RecentChecks {
  const maxChecks = limits.maxChecks ?? 20;
  const maxBytes = limits.maxBytes ?? 64 * 1024 * 1024;
  const checks = new Map<string, RecentCheck>();
  const bytesOf = (check: RecentCheck) => [...(check.dropped?.values() ?? [])].reduce((n, b) => n + b.byteLength, 0);

  return {
    remember(check) {
      const id = randomUUID().replace(/-/g, '');
      checks.set(id, check);
      let held = [...checks.values()].reduce((n, c) => n + bytesOf(c), 0);
      for (const [oldId, old] of checks) {
        if (oldId === id || (checks.size <= maxChecks && held <= maxBytes)) break;
        checks.delete(oldId);
        held -= bytesOf(old);
      }
      return id;
    },
    get: (checkId) => checks.get(checkId),
  };
}
