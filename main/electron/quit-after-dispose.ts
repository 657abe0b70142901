import type { App } from 'electron';
import type { Logger } from '../log/logger';

/**
 * Electron ends the process right after `quit` and does not wait for a promise a listener started, so an async
 * dispose begun in `before-quit` was cut off: the emulator's state flush, the outbox's and skattekort's stops. The
 * first `will-quit` is held back until the services are disposed (at most `limitMs`, so a stuck service cannot keep
 * the app from quitting), then the app quits again and this time lets Electron go on.
 */
export function quitAfterDispose(
  app: Pick<App, 'on' | 'quit'>,
  dispose: () => Promise<void>,
  log: Logger,
  limitMs = 10_000,
): void {
  let state: 'running' | 'disposing' | 'disposed' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'disposed') return;
    event.preventDefault();
    if (state === 'disposing') return;
    state = 'disposing';
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), limitMs)));
    void Promise.race([dispose().then(() => 'done' as const), limit])
      .then(
        (outcome) =>
          outcome === 'done'
            ? log.info('app services stopped; quitting')
            : log.warn('app services did not stop in time; quitting anyway', { limitMs }),
        (error: unknown) => log.error('app services failed to stop; quitting anyway', { error }),
      )
      .finally(() => {
        clearTimeout(timer);
        state = 'disposed';
        app.quit();
      });
  });
}
