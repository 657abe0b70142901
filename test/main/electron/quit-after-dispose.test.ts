import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { quitAfterDispose } from '../../../main/electron/quit-after-dispose';
import type { Logger } from '../../../main/log/logger';

/** Electron's app as far as this needs it: `will-quit` with preventDefault, and quit() counted. */
function fakeApp() {
  const emitter = new EventEmitter();
  const app = { on: emitter.on.bind(emitter), quit: vi.fn() };
  const willQuit = () => {
    let prevented = false;
    emitter.emit('will-quit', { preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { app, willQuit };
}

function recordingLog() {
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => void lines.push(`info ${m}`),
    warn: (m) => void lines.push(`warn ${m}`),
    error: (m) => void lines.push(`error ${m}`),
  };
  return { log, lines };
}

afterEach(() => vi.useRealTimers());

describe('quitAfterDispose: Electron quits only once the services have stopped', () => {
  it('holds the first will-quit until dispose resolves, then quits again and lets it through', async () => {
    const { app, willQuit } = fakeApp();
    const { log, lines } = recordingLog();
    let finish = () => {};
    const dispose = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    quitAfterDispose(app as never, dispose, log);

    expect(willQuit()).toBe(true);
    expect(willQuit()).toBe(true); // a second quit while stopping waits too, and stops nothing twice
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(lines).toEqual(['info app services stopped; quitting']);
    expect(willQuit()).toBe(false);
  });

  it('quits anyway when dispose does not finish within the limit, and says so', async () => {
    vi.useFakeTimers();
    const { app, willQuit } = fakeApp();
    const { log, lines } = recordingLog();
    quitAfterDispose(app as never, () => new Promise<void>(() => {}), log, 5_000);
    expect(willQuit()).toBe(true);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(app.quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(lines).toEqual(['warn app services did not stop in time; quitting anyway']);
  });

  it('quits anyway when dispose fails, with the failure in the log', async () => {
    const { app, willQuit } = fakeApp();
    const { log, lines } = recordingLog();
    quitAfterDispose(app as never, () => Promise.reject(new Error('disk gone')), log);
    expect(willQuit()).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(lines).toEqual(['error app services failed to stop; quitting anyway']);
  });
});
