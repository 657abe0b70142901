import { z } from 'zod';

/** A message shown to the accountant, in both languages the app speaks. */
export const LocalizedTextSchema = z.object({ nb: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** `error` blocks submission; `warning` is shown but does not. */
export const SeveritySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * One thing wrong with (or worth a second look in) a report.
 * `code` is stable: the UI, the CLI's --json output and tests key on it, so never rename one.
 * `path` points into the document (`leveranse/oppgave/virksomhet[1]/…`, 1-based like XPath) or is `''`
 * for the file as a whole; `line`/`column` are filled in when the source was XML and the place is known.
 */
export const FindingSchema = z.object({
  code: z.string().regex(/^[A-Z0-9_]+$/),
  severity: SeveritySchema,
  path: z.string(),
  message: LocalizedTextSchema,
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  /** Where it is in words (person, employment, month), when the path points into the document. */
  where: LocalizedTextSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export function error(code: string, path: string, nb: string, en: string): Finding {
  return { code, severity: 'error', path, message: { nb, en } };
}

export function warning(code: string, path: string, nb: string, en: string): Finding {
  return { code, severity: 'warning', path, message: { nb, en } };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
