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

export type DesktopCall = keyof DesktopPort;

/** Service process → test. */
export type FromServices =
  | { type: 'ready'; bridgeUrl: string; sandbox: { baseUrl: string; adminToken: string } | null }
  | { type: 'desktop'; id: number; call: DesktopCall; args: unknown[] };

/** Test → service process. */
export type ToServices =
  | { type: 'desktop-result'; id: number; ok: true; value: unknown }
  | { type: 'desktop-result'; id: number; ok: false; message: string }
  | { type: 'stop' };
