import type { AppErrorShape } from '../../shared/domain/app-error';
import type { Language } from '../../shared/domain/localized';
import { EXIT, type ExitCode } from './exit-codes';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * What a terminal would act on instead of show: C0 and C1 controls (ESC starts ANSI sequences that move the cursor,
 * recolour, retitle the window or, in some terminals, write files; U+009B is a one-byte CSI), DEL, and the bidi
 * overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069) plus the invisible direction marks (U+200E,
 * U+200F, U+061C) that make a name show in another order than it is (`faktura\u202Elmx.exe` as `fakturaexe.xml`). Line feed and tab are left to `printable`'s
 * caller: output text has lines; a name must not.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- the same, and line breaks and tabs too
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The one escaping of what the CLI prints: each unsafe character becomes a visible `\uXXXX` (also a valid JSON
 * escape, so `--json` output stays parseable). A file name or other user string gets the `name` kind, which
 * escapes line breaks and tabs too, so a name cannot forge a line of output.
 */
export function printable(text: string, kind: 'text' | 'name' = 'name'): string {
  return text.replace(
    kind === 'name' ? UNSAFE_IN_NAME : UNSAFE_IN_TEXT,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Everything written through it is `printable` text: the last guard, whatever a message or a name holds. */
export function terminalSafeIo(io: CliIo): CliIo {
  return { out: (t) => io.out(printable(t, 'text')), err: (t) => io.err(printable(t, 'text')) };
}

export const processIo: CliIo = terminalSafeIo({
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
});

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
  'VALIDATE_SCHEME_WITHOUT_ROUTE',
  // Files too large for the memory a check may use: the input, not the app, is what fails (never exit 3).
  'REPORT_CHECK_OUT_OF_MEMORY',
]);

export function exitCodeFor(code: string): ExitCode {
  // A custom environment file that cannot be used (unreadable, invalid, unconfirmed hosts) is bad input too.
  if (code.startsWith('IPC_INVALID') || code.endsWith('_INVALID') || code.startsWith('PROFILE_')) return EXIT.usage;
  if (INPUT_CODES.has(code)) return EXIT.usage;
  if (code.startsWith('CUSTOM_ENV_')) return EXIT.usage;
  return EXIT.failure;
}
