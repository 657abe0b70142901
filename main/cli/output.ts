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

/** Bad input that is not caught by a schema: a package or client the user named (exit 2, like a bad org number). */
const INPUT_CODES = new Set([
  'SETUP_ACCESS_PACKAGE_UNKNOWN',
  'SETUP_ACCESS_PACKAGE_WRONG_USE',
  'SETUP_PACKAGES_DO_NOT_COVER',
  'ALTINN_SYSTEM_ID_TAKEN',
  'FIRM_CLIENT_EXISTS',
  'FIRM_CLIENT_IS_FIRM',
  'FIRM_CLIENT_SERVICE_NOT_REGISTERED',
  'FIRM_NOT_A_CLIENT',
  'FIRM_NOT_A_FIRM',
]);

export function exitCodeFor(code: string): ExitCode {
  if (code.startsWith('IPC_INVALID') || code.endsWith('_INVALID') || code.startsWith('PROFILE_')) return EXIT.usage;
  if (INPUT_CODES.has(code)) return EXIT.usage;
  return EXIT.failure;
}
