import type { KeyView } from '../../../shared/domain/setup';

/**
 * When the firm can no longer log in: the latest expiry of its keys in use, so a successor already uploaded and
 * confirmed (a rotation under way) silences the warning for the old one. Undefined with no registered key.
 */
export function latestKeyExpiry(keys: readonly KeyView[]): { expiresAt: string; daysLeft: number } | undefined {
  let latest: { expiresAt: string; daysLeft: number } | undefined;
  for (const k of keys) {
    if (k.status !== 'active' || k.expiresAt === undefined || k.daysLeft === undefined) continue;
    if (!latest || k.daysLeft > latest.daysLeft) latest = { expiresAt: k.expiresAt, daysLeft: k.daysLeft };
  }
  return latest;
}
