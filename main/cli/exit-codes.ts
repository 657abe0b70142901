/** Documented in the README; scripts branch on these. */
export const EXIT = {
  ok: 0,
  /** The command ran, and what it checked has errors (a report that would be rejected, …). */
  findings: 1,
  /** Bad usage or input: unknown option, invalid org number, unreadable file. */
  usage: 2,
  /** A service or the app failed: network, keychain, an unexpected error. */
  failure: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
