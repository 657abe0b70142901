import { SCHEME_IDS, SCHEMES, type SchemeId } from './schemes';

/**
 * Which schemes a tredjepart melding's own fields fit. A melding does not name its scheme (the API it is posted to
 * does), but each scheme's `oppgaveoppsummering` sums, its oppgave's amount fields and its unit (`boenhet`,
 * `matrikkelnummer`) are listed in schemes.ts from Skatteetaten's published examples (Skatteetaten/api-dokumentasjon
 * docs/api/innrapportering-*.md, the sources named there).
 *
 * A scheme is left out only when another scheme explains strictly more of the fields the file has (a boligsameie
 * file has every boligselskap sum it has, and a `matrikkelnummer` besides). One scheme left: the file is that
 * scheme's. Several (fields of two schemes, or only fields they share, or none of any): the user chooses; never a
 * guess.
 */
export function schemeCandidates(json: unknown): SchemeId[] {
  const found = fieldsOf(json);
  const hits = new Map(SCHEME_IDS.map((id) => [id, [...marksOf(id)].filter((m) => found.has(m))] as const));
  const fitting = SCHEME_IDS.filter((id) => (hits.get(id) ?? []).length > 0);
  if (fitting.length === 0) return [...SCHEME_IDS];
  return fitting.filter(
    (id) => !fitting.some((other) => other !== id && strictlyWithin(hits.get(id) ?? [], hits.get(other) ?? [])),
  );
}

/** The fields that tell a scheme: its summary's sums, its oppgave's amount fields (their first part) and its unit. */
function marksOf(id: SchemeId): Set<string> {
  const scheme = SCHEMES[id];
  const marks = new Set<string>();
  for (const amount of scheme.amounts) {
    marks.add(`oppgaveoppsummering.${amount.sum}`);
    marks.add(`oppgave.${amount.field.split('.')[0] ?? amount.field}`);
  }
  if (scheme.unit) marks.add(`oppgave.${scheme.unit}`);
  return marks;
}

/** Every summary and oppgave field name the melding's leveranser (one or a list) carry. */
function fieldsOf(json: unknown): Set<string> {
  const found = new Set<string>();
  const raw = (json as { leveranse?: unknown } | null)?.leveranse;
  for (const leveranse of Array.isArray(raw) ? raw : [raw]) {
    if (!isObject(leveranse)) continue;
    if (isObject(leveranse.oppgaveoppsummering))
      for (const key of Object.keys(leveranse.oppgaveoppsummering)) found.add(`oppgaveoppsummering.${key}`);
    const oppgaver = Array.isArray(leveranse.oppgave) ? leveranse.oppgave : [leveranse.oppgave];
    for (const oppgave of oppgaver)
      if (isObject(oppgave)) for (const key of Object.keys(oppgave)) found.add(`oppgave.${key}`);
  }
  return found;
}

function strictlyWithin(inner: readonly string[], outer: readonly string[]): boolean {
  return inner.length < outer.length && inner.every((m) => outer.includes(m));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
