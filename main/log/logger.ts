import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact, redactText } from './redact';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

/** JSON lines, redacted before they are written, to a file and/or stderr. */
export function createLogger(options: { file?: string; stderr?: boolean; minLevel?: Level } = {}): Logger {
  const order: Record<Level, number> = { info: 0, warn: 1, error: 2 };
  const min = order[options.minLevel ?? 'info'];
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    if (order[level] < min) return;
    const line = JSON.stringify({
      at: new Date().toISOString(),
      level,
      message: redactText(message),
      ...(fields ? (redact(fields) as Record<string, unknown>) : {}),
    });
    if (options.file) appendFileSync(options.file, `${line}\n`, { mode: 0o600 });
    if (options.stderr) process.stderr.write(`${line}\n`);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
