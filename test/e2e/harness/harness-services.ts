import { createAppServices, type AppServices, type AppServicesOptions } from '../../../main/app-services';
import type { DesktopPort } from '../../../main/desktop-port';
import { silentLogger } from '../../../main/log/logger';
import { emulatorModules } from '../../../main/sandbox/modules';

/** What a real-browser test may change about the app it drives. */
export interface HarnessServiceOptions {
  /** Run the feedback poller as the app does, on this schedule (off by default: most tests do not need it). */
  feedback?: Pick<AppServicesOptions, 'feedbackIntervals'>;
  /** A fixed clock for the whole app (deadlines, the sandbox, tokens), for tests about dates. */
  now?: () => Date;
  /** Resume the outbox at start, as the app does after a restart (the in-process harness: from the first submit). */
  outboxAutoStart?: boolean;
  /**
   * The emulator's own options, for tests that wait on its delays (e.g. `skatteetaten.feedbackDelayMs`, the time
   * from a receipt to Skatteetaten's feedback in Dialogporten); Altinn Events keeps its 2 s unless given.
   */
  emulator?: Parameters<typeof emulatorModules>[0];
}

/** The app's main-process services as both harnesses run them: no Electron, silent, on `dataDir`. */
export function harnessAppServices(dataDir: string, desktop: DesktopPort, options: HarnessServiceOptions): AppServices {
  return createAppServices({
    dataDir,
    host: 'node',
    version: '0.0.0-e2e',
    desktop,
    log: silentLogger,
    // Altinn Events shows an event 30 s after it is registered; the browser tests would spend minutes waiting on it.
    // Two seconds keeps the order of things (the dialog first, the event later) at a fraction of the wait.
    modules: () =>
      emulatorModules({
        ...options.emulator,
        altinnEvents: { visibilityDelayMs: 2_000, ...options.emulator?.altinnEvents },
      }),
    // As in the app: a rejection or a submission that stopped trying is told as an OS notification.
    outboxNotifications: true,
    ...(options.feedback ? { feedbackPolling: true, ...options.feedback } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.outboxAutoStart !== undefined ? { outboxAutoStart: options.outboxAutoStart } : {}),
  });
}
