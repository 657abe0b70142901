import { z } from 'zod';

/**
 * The common envelope of every "innrapportering" API (skatteetaten-apis.md §6): `{"leveranse": {…}}`, or a list
 * of leveranser in the housing examples. Read tolerantly: the JSON schemas are on SwaggerHub only, so fields the
 * pages do not show pass through untouched (they are sent as they were read), years and counts may be numbers or
 * strings (the examples use both), and the per-scheme fields of an `oppgave` are checked by the rules, not here.
 */
const NumberOrString = z.union([z.string(), z.number()]);

export const KontaktinformasjonSchema = z.looseObject({
  navn: z.string().optional(),
  telefonnummer: z.string().optional(),
  varselEpostadresse: z.string().optional(),
  varselSmsMobilnummer: z.string().optional(),
});

export const OppgavegiverSchema = z.looseObject({
  organisasjonsnummer: z.string(),
  kontaktinformasjon: KontaktinformasjonSchema.optional(),
});

/**
 * The owner. Aksjesparekonto's JSON nests a person in `person{foedselsnummer, fornavn, etternavn}`
 * (innrapportering-aksjesparekonto.md, "Eksempel på innsending"); its XML for the file reception has the same fields
 * directly in `oppgaveeier` (innrapportering-tpo-filmottak.md, "Eksempel på body"). The checks read both.
 */
export const OppgaveeierSchema = z.looseObject({
  foedselsnummer: z.string().optional(),
  organisasjonsnummer: z.string().optional(),
  navn: z.string().optional(),
  fornavn: z.string().optional(),
  etternavn: z.string().optional(),
  person: z
    .looseObject({
      foedselsnummer: z.string().optional(),
      navn: z.string().optional(),
      fornavn: z.string().optional(),
      etternavn: z.string().optional(),
    })
    .optional(),
  /** Åndsverk's organisation owner (innrapportering-aandsverk.md, "Eksempel på innsending"). */
  organisasjon: z
    .looseObject({ organisasjonsnummer: z.string().optional(), organisasjonsnavn: z.string().optional() })
    .optional(),
});
export type Oppgaveeier = z.infer<typeof OppgaveeierSchema>;

/** The owner's identity and name wherever the scheme puts them. */
export function ownerOf(eier: Oppgaveeier): { foedselsnummer?: string; organisasjonsnummer?: string; navn: string } {
  const person = eier.person ?? eier;
  const foedselsnummer = eier.foedselsnummer ?? eier.person?.foedselsnummer;
  const organisasjonsnummer = eier.organisasjonsnummer ?? eier.organisasjon?.organisasjonsnummer;
  const navn =
    eier.navn ??
    eier.person?.navn ??
    eier.organisasjon?.organisasjonsnavn ??
    [person.fornavn, person.etternavn].filter(Boolean).join(' ');
  return {
    ...(foedselsnummer !== undefined ? { foedselsnummer } : {}),
    ...(organisasjonsnummer !== undefined ? { organisasjonsnummer } : {}),
    navn,
  };
}

/**
 * Every value of a field of an oppgave by its dotted name (`aksjesparekonto.innskudd`), with its path below the
 * oppgave; a list on the way is walked item by item (`konto.finansprodukt.formuesverdi.beloepINOK` gives one value
 * per finansprodukt, at `konto/finansprodukt[2]/formuesverdi/beloepINOK`). A field that is not there gives nothing.
 */
export function fieldValues(oppgave: Record<string, unknown>, dotted: string): { path: string; value: unknown }[] {
  let found: { path: string; value: unknown }[] = [{ path: '', value: oppgave }];
  for (const key of dotted.split('.')) {
    found = found.flatMap(({ path, value }) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
      const child = (value as Record<string, unknown>)[key];
      const at = path ? `${path}/${key}` : key;
      if (child === undefined) return [];
      return Array.isArray(child)
        ? child.map((item, i) => ({ path: `${at}[${i + 1}]`, value: item as unknown }))
        : [{ path: at, value: child }];
    });
  }
  return found;
}

export const OppgaveSchema = z.looseObject({ oppgaveeier: OppgaveeierSchema });
export type Oppgave = z.infer<typeof OppgaveSchema>;

export const LeveranseSchema = z.looseObject({
  inntektsaar: NumberOrString.transform(String),
  leveransetype: z.string(),
  oppgavegiver: OppgavegiverSchema,
  oppgaveoppsummering: z.record(z.string(), z.unknown()).optional(),
  kildesystem: z.string().optional(),
  oppgavegiversLeveranseReferanse: z.string().optional(),
  oppgave: z.array(OppgaveSchema).default([]),
  sletteoppgave: z.array(z.unknown()).optional(),
});
export type Leveranse = z.infer<typeof LeveranseSchema>;

/** One leveranse as read, with the path prefix its findings use (`leveranse` or `leveranse[2]`). */
export interface ReadLeveranse {
  path: string;
  leveranse: Leveranse;
}

export type ReadMelding =
  { ok: true; leveranser: ReadLeveranse[] } | { ok: false; problems: { path: string; message: string }[] };

/**
 * Reads the melding's JSON value into its leveranser. Each leveranse is parsed on its own so a problem is named
 * at its own path (`leveranse[2]/oppgave[3]/oppgaveeier`, 1-based like the report findings).
 */
export function readMelding(json: unknown): ReadMelding {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('leveranse' in json)) {
    return { ok: false, problems: [{ path: '', message: 'leveranse' }] };
  }
  const raw = (json as { leveranse: unknown }).leveranse;
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) return { ok: false, problems: [{ path: 'leveranse', message: 'leveranse' }] };
  const leveranser: ReadLeveranse[] = [];
  const problems: { path: string; message: string }[] = [];
  list.forEach((item, i) => {
    const prefix = Array.isArray(raw) ? `leveranse[${i + 1}]` : 'leveranse';
    const parsed = LeveranseSchema.safeParse(item);
    if (parsed.success) leveranser.push({ path: prefix, leveranse: parsed.data });
    else {
      for (const issue of parsed.error.issues) {
        problems.push({ path: joinPath(prefix, issue.path), message: issue.message });
      }
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, leveranser };
}

/** `['oppgave', 0, 'oppgaveeier']` below `leveranse` → `leveranse/oppgave[1]/oppgaveeier`. */
export function joinPath(prefix: string, segments: readonly PropertyKey[]): string {
  let path = prefix;
  for (const s of segments) {
    if (typeof s === 'number') path += `[${s + 1}]`;
    else path += `${path ? '/' : ''}${String(s)}`;
  }
  return path;
}
