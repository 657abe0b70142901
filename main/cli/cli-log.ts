import { join } from 'node:path';
import { createLogger, type Logger } from '../log/logger';

/** The CLI's log, `<data>/logs/innsender-cli.log` (the app writes `innsender.log`); the folder is made when opened. */
export function openCliLog(dataDir: string): Logger {
  return createLogger({ file: join(dataDir, 'logs', 'innsender-cli.log') });
}
