import type { DesktopPort } from '../../../main/desktop-port';
import type { HarnessServiceOptions } from './harness-services';

/** What the test gives the service process on its command line (JSON). */
export interface ServicesProcessConfig {
  dataDir: string;
  /** The bridge's address and token: 0 and a fresh token the first time, the first run's on a restart. */
  bridgePort: number;
  bridgeToken: string;
  feedback?: HarnessServiceOptions['feedback'];
}

/** A desktop port method, or one of the app window's (`window.setTitle`, …), by name. */
export type DesktopCall = Exclude<keyof DesktopPort, 'window'> | `window.${keyof NonNullable<DesktopPort['window']>}`;

/** Service process → test. */
export type FromServices =
  | { type: 'ready'; bridgeUrl: string; sandbox: { baseUrl: string; adminToken: string } | null }
  | { type: 'desktop'; id: number; call: DesktopCall; args: unknown[] };

/** Test → service process. */
export type ToServices =
  | { type: 'desktop-result'; id: number; ok: true; value: unknown }
  | { type: 'desktop-result'; id: number; ok: false; message: string }
  | { type: 'stop' };
