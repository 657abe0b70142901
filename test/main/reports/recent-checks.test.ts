import { describe, expect, it } from 'vitest';
import { createRecentChecks, type RecentCheck } from '../../../main/reports/recent-checks';

const check = (bytes = 0): RecentCheck => ({
  result: { kind: 'unreadable', files: [], valid: false, findings: [], checkedAt: '2026-01-25T12:00:00Z' },
  origin: bytes ? 'dropped' : 'path',
  profileId: null,
  ...(bytes ? { dropped: new Map([['a.xml', new Uint8Array(bytes)]]) } : {}),
});

describe('recent checks', () => {
  it('forgets the oldest checks beyond the count limit', () => {
    const recent = createRecentChecks({ maxChecks: 2 });
    const [a, b, c] = [recent.remember(check()), recent.remember(check()), recent.remember(check())];
    expect(recent.get(a)).toBeUndefined();
    expect(recent.get(b)).toBeDefined();
    expect(recent.get(c)).toBeDefined();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });

  it('forgets the oldest dropped bytes beyond the byte limit, but always keeps the newest check', () => {
    const recent = createRecentChecks({ maxBytes: 100 });
    const a = recent.remember(check(60));
    const b = recent.remember(check(60));
    expect(recent.get(a)).toBeUndefined();
    expect(recent.get(b)).toBeDefined();
    const huge = recent.remember(check(500));
    expect(recent.get(b)).toBeUndefined();
    expect(recent.get(huge)?.dropped?.get('a.xml')?.byteLength).toBe(500);
  });
});
