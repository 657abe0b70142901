/**
 * A clock for tests whose services need time to pass (tokens expire, pollers wait, the emulator checks `iat`), yet
 * must mean the same on any date: it starts at a fixed instant, runs with real elapsed time, and can be moved ahead
 * (a key past Maskinporten's year). CI also runs the tests under faketime at fixed dates.
 */
export function runningClock(start: string): { now: () => Date; moveAhead: (ms: number) => void } {
  const origin = Date.parse(start);
  const startedAt = performance.now();
  let ahead = 0;
  return {
    now: () => new Date(origin + (performance.now() - startedAt) + ahead),
    moveAhead: (ms) => {
      ahead = ms;
    },
  };
}
