import { describe, expect, it } from 'vitest';
import { followColorScheme } from '../../../renderer/app/color-scheme';

/** A window whose OS setting the test switches, as `prefers-color-scheme` reports it. */
function osWithScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, l: () => void) => void listeners.add(l),
    removeEventListener: (_: string, l: () => void) => void listeners.delete(l),
  };
  const win = { matchMedia: (q: string) => (q === '(prefers-color-scheme: dark)' ? query : null) };
  return {
    win: win as unknown as Window,
    switchTo(next: boolean) {
      dark = next;
      listeners.forEach((l) => l());
    },
    listeners,
  };
}

describe('the colour scheme', () => {
  it('follows the OS from the first paint and when it switches, until unsubscribed', () => {
    const root = document.createElement('html');
    const os = osWithScheme(true);
    const stop = followColorScheme(root, os.win);
    expect(root.getAttribute('data-color-scheme')).toBe('dark');
    os.switchTo(false);
    expect(root.getAttribute('data-color-scheme')).toBe('light');
    stop();
    expect(os.listeners.size).toBe(0);
    os.switchTo(true);
    expect(root.getAttribute('data-color-scheme')).toBe('light');
  });
});
