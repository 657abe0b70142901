import type { AppErrorShape } from '../../shared/domain/app-error';
import type { Language } from '../../shared/domain/localized';
import { EXIT, type ExitCode } from './exit-codes';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** Errors carry the same codes as in the UI; `--json` prints them as they crossed the IPC boundary. */
export function printError(io: CliIo, error: AppErrorShape, json: boolean, lang: Language): ExitCode {
  if (json) io.out(JSON.stringify({ ok: false, error }));
  else io.err([`${error.code}: ${error.message[lang]}`, ...(error.details ?? []).map((d) => `  - ${d}`)].join('\n'));
  return exitCodeFor(error.code);
}

export function exitCodeFor(code: string): ExitCode {
  // A custom environment file that cannot be used (unreadable, invalid, unconfirmed hosts) is bad input too.
  if (code.startsWith('IPC_INVALID') || code.endsWith('_INVALID') || code.startsWith('PROFILE_')) return EXIT.usage;
  if (code.startsWith('CUSTOM_ENV_')) return EXIT.usage;
  return EXIT.failure;
}
