import { z } from 'zod';
import { LocalizedTextSchema, type LocalizedText } from '../domain/localized';
import { formatDecimal, formatKroner } from '../format';

/**
 * Skatteetaten's answer to a skattekort order (skatteetaten-apis.md §3), read tolerantly: numbers may come as
 * strings (they do in the published example), unknown `resultatForSkattekort`, `trekkode` and
 * `tilleggsopplysning` values are kept and shown as they are, and unknown fields are ignored. What crosses to
 * the renderer and is exported is the plain reading below, one per employee.
 */
export const KNOWN_RESULTS = ['skattekortopplysningerOK', 'ikkeSkattekort', 'ugyldigFoedselsEllerDnummer'] as const;
export const KNOWN_TREKKODER = [
  'LOENN_FRA_HOVEDARBEIDSGIVER',
  'LOENN_FRA_BIARBEIDSGIVER',
  'LOENN_FRA_NAV',
  'PENSJON',
  'PENSJON_FRA_NAV',
] as const;

export const TrekkSchema = z.object({
  trekkode: z.string(),
  /** Which kind of deduction the card gives for this code; `unknown` when none of the three documented ones. */
  kind: z.enum(['trekktabell', 'trekkprosent', 'frikort', 'unknown']),
  tabellnummer: z.string().optional(),
  prosentsats: z.number().optional(),
  antallMaanederForTrekk: z.number().optional(),
  /** Absent on a frikort: no upper amount (§3 marks `frikortbeloep` optional). */
  frikortbeloep: z.number().optional(),
  /** What to withhold for this kind of payment, in words. */
  withhold: LocalizedTextSchema,
});
export type Trekk = z.infer<typeof TrekkSchema>;

export const EmployeeCardSchema = z.object({
  arbeidstakeridentifikator: z.string(),
  arbeidsgiver: z.string(),
  inntektsaar: z.string(),
  resultatForSkattekort: z.string(),
  /** False when Skatteetaten sent a result this app does not know; it is shown as sent. */
  resultatKnown: z.boolean(),
  result: LocalizedTextSchema,
  utstedtDato: z.string().optional(),
  skattekortidentifikator: z.string().optional(),
  trekk: z.array(TrekkSchema),
  tilleggsopplysning: z.array(z.string()),
  notes: z.array(LocalizedTextSchema),
  /** The one line for the payroll run: the deduction for ordinary pay from this employer. */
  withhold: LocalizedTextSchema,
});
export type EmployeeCard = z.infer<typeof EmployeeCardSchema>;

export const SkattekortAnswerSchema = z.object({
  /** NAV's model has a top-level status (THIRD-PARTY); kept when present. */
  status: z.string().optional(),
  cards: z.array(EmployeeCardSchema),
});
export type SkattekortAnswer = z.infer<typeof SkattekortAnswerSchema>;

// --- the wire format, tolerant ----------------------------------------------------------------------------------

const num = z
  .union([z.number(), z.string()])
  .transform((v) => (typeof v === 'number' ? v : Number(v.replace(',', '.').trim())))
  .pipe(z.number().finite())
  .optional()
  .catch(undefined);
const str = z.union([z.string(), z.number()]).transform(String).optional().catch(undefined);
const list = <T extends z.ZodType>(item: T) =>
  z
    .unknown()
    .transform((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(item));

const WireTrekk = z.looseObject({
  trekkode: str,
  trekktabell: z
    .looseObject({ tabellnummer: str, prosentsats: num, antallMaanederForTrekk: num })
    .optional()
    .catch(undefined),
  trekkprosent: z.looseObject({ prosentsats: num, antallMaanederForTrekk: num }).optional().catch(undefined),
  frikort: z.looseObject({ frikortbeloep: num }).optional().catch(undefined),
});
const WireArbeidstaker = z.looseObject({
  arbeidstakeridentifikator: str,
  resultatForSkattekort: str,
  inntektsaar: str,
  skattekort: z
    .looseObject({ utstedtDato: str, skattekortidentifikator: str, forskuddstrekk: list(WireTrekk) })
    .optional()
    .catch(undefined),
  tilleggsopplysning: list(z.union([z.string(), z.number()]).transform(String)).catch([]),
});
const WireAnswer = z.looseObject({
  status: str,
  arbeidsgiver: list(
    z.looseObject({
      arbeidsgiveridentifikator: z.looseObject({ organisasjonsnummer: str }).optional().catch(undefined),
      arbeidstaker: list(WireArbeidstaker),
    }),
  ),
});

/** Reads the 200 answer; throws only when it is not an answer at all (no `arbeidsgiver` list to read). */
export function readSkattekortAnswer(json: unknown): SkattekortAnswer {
  if (typeof json !== 'object' || json === null || !('arbeidsgiver' in json)) {
    throw new Error('The answer has no arbeidsgiver list');
  }
  const wire = WireAnswer.parse(json);
  const cards = wire.arbeidsgiver.flatMap((employer) =>
    employer.arbeidstaker.map((a) => readEmployee(a, employer.arbeidsgiveridentifikator?.organisasjonsnummer ?? '')),
  );
  return { ...(wire.status ? { status: wire.status } : {}), cards };
}

function readEmployee(a: z.infer<typeof WireArbeidstaker>, arbeidsgiver: string): EmployeeCard {
  const resultat = a.resultatForSkattekort ?? '';
  const resultatKnown = (KNOWN_RESULTS as readonly string[]).includes(resultat);
  const trekk = (a.skattekort?.forskuddstrekk ?? []).map(readTrekk);
  const tillegg = a.tilleggsopplysning;
  return {
    arbeidstakeridentifikator: a.arbeidstakeridentifikator ?? '',
    arbeidsgiver,
    inntektsaar: a.inntektsaar ?? '',
    resultatForSkattekort: resultat,
    resultatKnown,
    result: resultText(resultat),
    ...(a.skattekort?.utstedtDato ? { utstedtDato: a.skattekort.utstedtDato } : {}),
    ...(a.skattekort?.skattekortidentifikator ? { skattekortidentifikator: a.skattekort.skattekortidentifikator } : {}),
    trekk,
    tilleggsopplysning: tillegg,
    notes: tillegg.map(tilleggText),
    withhold: summary(resultat, trekk),
  };
}

function readTrekk(t: z.infer<typeof WireTrekk>): Trekk {
  const trekkode = t.trekkode ?? '';
  if (t.trekktabell) {
    const { tabellnummer, prosentsats, antallMaanederForTrekk } = t.trekktabell;
    return {
      trekkode,
      kind: 'trekktabell',
      ...(tabellnummer ? { tabellnummer } : {}),
      ...(prosentsats !== undefined ? { prosentsats } : {}),
      ...(antallMaanederForTrekk !== undefined ? { antallMaanederForTrekk } : {}),
      withhold: {
        nb: `Trekk etter tabell ${tabellnummer ?? '?'}${months(antallMaanederForTrekk, 'nb')}; ${pct(prosentsats, 'nb')} av det som ikke dekkes av tabellen (f.eks. feriepenger og engangsbeløp).`,
        en: `Withhold by table ${tabellnummer ?? '?'}${months(antallMaanederForTrekk, 'en')}; ${pct(prosentsats, 'en')} of what the table does not cover (e.g. holiday pay and one-off amounts).`,
      },
    };
  }
  if (t.trekkprosent) {
    const { prosentsats, antallMaanederForTrekk } = t.trekkprosent;
    return {
      trekkode,
      kind: 'trekkprosent',
      ...(prosentsats !== undefined ? { prosentsats } : {}),
      ...(antallMaanederForTrekk !== undefined ? { antallMaanederForTrekk } : {}),
      withhold: {
        nb: `Trekk ${pct(prosentsats, 'nb')} av utbetalingen${months(antallMaanederForTrekk, 'nb')}.`,
        en: `Withhold ${pct(prosentsats, 'en')} of the payment${months(antallMaanederForTrekk, 'en')}.`,
      },
    };
  }
  if (t.frikort) {
    const amount = t.frikort.frikortbeloep;
    return {
      trekkode,
      kind: 'frikort',
      ...(amount !== undefined ? { frikortbeloep: amount } : {}),
      withhold:
        amount !== undefined
          ? {
              nb: `Frikort: ikke trekk før utbetalingene i år passerer ${formatKroner(amount, 'nb')}; deretter 50 % av det som overstiger.`,
              en: `Tax-free card: withhold nothing until this year's payments pass ${formatKroner(amount, 'en')}; then 50 % of the excess.`,
            }
          : {
              nb: 'Frikort uten beløpsgrense: ikke trekk skatt.',
              en: 'Tax-free card with no upper amount: withhold no tax.',
            },
    };
  }
  return {
    trekkode,
    kind: 'unknown',
    withhold: {
      nb: 'Skattekortet har et trekk som Innsender ikke kjenner; se Skatteetatens svar.',
      en: 'The card has a deduction Innsender does not know; see Skatteetaten’s answer.',
    },
  };
}

/** The deduction for ordinary pay from this employer: the main-employer code first, then any other. */
function summary(resultat: string, trekk: Trekk[]): LocalizedText {
  if (resultat === 'ikkeSkattekort') {
    return {
      nb: 'Ingen skattekort: trekk 50 % til skattekortet foreligger.',
      en: 'No tax card: withhold 50 % until there is one.',
    };
  }
  if (resultat === 'ugyldigFoedselsEllerDnummer') {
    return {
      nb: 'Ugyldig fødsels- eller D-nummer: rett nummeret og bestill på nytt; trekk 50 % så lenge.',
      en: 'Invalid national identity or D number: correct it and order again; withhold 50 % meanwhile.',
    };
  }
  const main =
    trekk.find((t) => t.trekkode === 'LOENN_FRA_HOVEDARBEIDSGIVER') ??
    trekk.find((t) => t.trekkode.startsWith('LOENN')) ??
    trekk[0];
  if (main) return main.withhold;
  return {
    nb: `Skatteetaten svarte «${resultat || 'uten resultat'}» uten trekk; sjekk med Skatteetaten før du trekker.`,
    en: `Skatteetaten answered “${resultat || 'no result'}” with no deduction; check with Skatteetaten before withholding.`,
  };
}

function resultText(resultat: string): LocalizedText {
  switch (resultat) {
    case 'skattekortopplysningerOK':
      return { nb: 'Skattekort funnet', en: 'Tax card found' };
    case 'ikkeSkattekort':
      return { nb: 'Har ikke skattekort', en: 'Has no tax card' };
    case 'ugyldigFoedselsEllerDnummer':
      return { nb: 'Ugyldig fødsels- eller D-nummer', en: 'Invalid national identity or D number' };
    default:
      return { nb: `Ukjent svar: ${resultat}`, en: `Unknown answer: ${resultat}` };
  }
}

function tilleggText(value: string): LocalizedText {
  switch (value) {
    case 'kildeskattPaaPensjon':
      return { nb: 'Kildeskatt på pensjon', en: 'Withholding tax on pension' };
    case 'kildeskattPaaLoenn':
      return { nb: 'Kildeskatt på lønn (PAYE)', en: 'Withholding tax on pay (PAYE)' };
    default:
      return { nb: `Tilleggsopplysning: ${value}`, en: `Additional information: ${value}` };
  }
}

/** What a trekkode is, in words (unknown codes as sent). */
export function trekkodeText(code: string): LocalizedText {
  const known: Record<string, LocalizedText> = {
    LOENN_FRA_HOVEDARBEIDSGIVER: { nb: 'Lønn fra hovedarbeidsgiver', en: 'Pay from main employer' },
    LOENN_FRA_BIARBEIDSGIVER: { nb: 'Lønn fra biarbeidsgiver', en: 'Pay from secondary employer' },
    LOENN_FRA_NAV: { nb: 'Lønn fra NAV', en: 'Pay from NAV' },
    PENSJON: { nb: 'Pensjon', en: 'Pension' },
    PENSJON_FRA_NAV: { nb: 'Pensjon fra NAV', en: 'Pension from NAV' },
  };
  return known[code] ?? { nb: code, en: code };
}

function pct(value: number | undefined, lang: 'nb' | 'en'): string {
  if (value === undefined) return lang === 'nb' ? 'ukjent prosent' : 'an unknown percentage';
  return `${formatDecimal(value, lang)} %`;
}

function months(value: number | undefined, lang: 'nb' | 'en'): string {
  if (value === undefined) return '';
  return lang === 'nb'
    ? ` (trekk i ${formatDecimal(value, 'nb')} måneder)`
    : ` (deductions in ${formatDecimal(value, 'en')} months)`;
}
