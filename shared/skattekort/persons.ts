import { z } from 'zod';
import { LocalizedTextSchema } from '../domain/localized';
import type { Leveranse } from '../reports/amelding/model';
import type { ReportEnvironment } from '../reports/environment';
import { personIdentifierFindings } from '../reports/ids/identifier-findings';

/**
 * The employees a skattekort order names, each checked offline with the reports' own identity-number rules
 * (checksum, date, H-numbers never, synthetic Tenor numbers only in sandbox and test).
 */
export const PersonStatusSchema = z.enum(['ok', 'invalid', 'synthetic', 'duplicate']);
export type PersonStatus = z.infer<typeof PersonStatusSchema>;

export const CheckedPersonSchema = z.object({
  /** The number as read, with spaces and dots taken out. */
  id: z.string(),
  name: z.string().optional(),
  /** The CSV line it came from. */
  line: z.number().int().positive().optional(),
  status: PersonStatusSchema,
  /** Why it is not ordered; null when it is. */
  problem: LocalizedTextSchema.nullable(),
});
export type CheckedPerson = z.infer<typeof CheckedPersonSchema>;

export const PersonListSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('amelding'),
    draftId: z.string(),
    label: z.string(),
    /** The a-melding's month (`YYYY-MM`), so the page can say "a-meldingen for januar 2026" in either language. */
    kalendermaaned: z.string().optional(),
  }),
  z.object({ kind: z.literal('csv'), fileName: z.string() }),
]);
export type PersonListSource = z.infer<typeof PersonListSourceSchema>;

export const PersonListSchema = z.object({
  source: PersonListSourceSchema,
  persons: z.array(CheckedPersonSchema),
  /** The ids that will be ordered: every `ok` one, once. */
  orderable: z.array(z.string()),
});
export type PersonList = z.infer<typeof PersonListSchema>;

export interface RawPerson {
  id: string;
  name?: string;
  line?: number;
}

/** Removes what people type between digits ("010180 123 45", "010180.12345"). */
export function normalisePersonId(value: string): string {
  return value.replace(/[\s.\u00a0-]/g, '');
}

/** Checks each person; the second and later mention of a number is `duplicate` (ordered once). */
export function checkPersons(raw: readonly RawPerson[], environment: ReportEnvironment): CheckedPerson[] {
  const seen = new Set<string>();
  return raw.map((person): CheckedPerson => {
    const id = normalisePersonId(person.id);
    const base = {
      id,
      ...(person.name ? { name: person.name } : {}),
      ...(person.line ? { line: person.line } : {}),
    };
    if (seen.has(id)) {
      return {
        ...base,
        status: 'duplicate',
        problem: { nb: 'Står flere ganger i lista; bestilles én gang.', en: 'Listed more than once; ordered once.' },
      };
    }
    const findings = personIdentifierFindings(id, person.line ? `linje ${person.line}` : id, 'SKATTEKORT', environment);
    const finding = findings[0];
    if (!finding) {
      seen.add(id);
      return { ...base, status: 'ok', problem: null };
    }
    return {
      ...base,
      status: finding.code.endsWith('_SYNTHETIC') ? 'synthetic' : 'invalid',
      problem: finding.message,
    };
  });
}

export function personList(source: PersonListSource, persons: CheckedPerson[]): PersonList {
  return { source, persons, orderable: persons.filter((p) => p.status === 'ok').map((p) => p.id) };
}

/** The a-melding's income recipients with a Norwegian id, in the order they appear (duplicates left for the check). */
export function personsFromAMelding(leveranse: Leveranse): RawPerson[] {
  return (leveranse.oppgave.virksomhet ?? []).flatMap((v) =>
    (v.inntektsmottaker ?? []).flatMap((m) =>
      m.norskIdentifikator
        ? [
            {
              id: m.norskIdentifikator,
              ...(m.identifiserendeInformasjon ? { name: m.identifiserendeInformasjon.navn } : {}),
            },
          ]
        : [],
    ),
  );
}

/** True when the value could be a person's number once spaces are gone (for finding the id column). */
export function looksLikePersonId(value: string): boolean {
  return /^\d{11}$/.test(normalisePersonId(value));
}
