import { z } from 'zod';
import { LocalizedTextSchema, type LocalizedText } from '../domain/localized';
import { formatDecimal, formatKroner, formatPercent } from '../format';

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
  /** The answer's top-level status (`FORESPOERSEL_OK`, `UGYLDIG_INNTEKTSAAR`, …); kept when present. */
  status: z.string().optional(),
  /** What a status other than `FORESPOERSEL_OK` means for the user; such an answer may hold no cards at all. */
  statusNote: LocalizedTextSchema.optional(),
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

/**
 * The answer's statuses, from NAV's production client (navikt/sokos-skattekort
 * src/main/kotlin/no/nav/sokos/skattekort/module/skattekort/ResponseStatus.kt @ 0f7ba851). All but
 * `FORESPOERSEL_OK` may come alone, with no `arbeidsgiver` list (its test fixture
 * src/test/resources/skatteetaten/hentSkattekort/ugyldig_inntektsaar.json is `{"status":"UGYLDIG_INNTEKTSAAR"}`).
 */
export const KNOWN_STATUSES = [
  'FORESPOERSEL_OK',
  'UGYLDIG_INNTEKTSAAR',
  'UGYLDIG_FORESPOERSEL',
  'INGEN_ENDRINGER',
  'ENDRINGSFORESPOERSEL_UTEN_TIDLIGERE_BESTILLING',
] as const;

/**
 * Reads the 200 answer: the cards per employee, or a status alone (shown to the user, never taken as a fault).
 * Throws only when it is neither (no `arbeidsgiver` list and no `status`).
 */
export function readSkattekortAnswer(json: unknown): SkattekortAnswer {
  const hasList = typeof json === 'object' && json !== null && 'arbeidsgiver' in json;
  const hasStatus =
    typeof json === 'object' && json !== null && typeof (json as { status?: unknown }).status === 'string';
  if (!hasList && !hasStatus) throw new Error('The answer has neither an arbeidsgiver list nor a status');
  const wire = WireAnswer.parse(hasList ? json : { ...(json as object), arbeidsgiver: [] });
  const cards = wire.arbeidsgiver.flatMap((employer) =>
    employer.arbeidstaker.map((a) => readEmployee(a, employer.arbeidsgiveridentifikator?.organisasjonsnummer ?? '')),
  );
  const note = wire.status ? statusNote(wire.status) : undefined;
  return { ...(wire.status ? { status: wire.status } : {}), ...(note ? { statusNote: note } : {}), cards };
}

/** What a status other than `FORESPOERSEL_OK` tells the user to do; unknown ones are shown as sent. */
function statusNote(status: string): LocalizedText | undefined {
  switch (status) {
    case 'FORESPOERSEL_OK':
      return undefined;
    case 'UGYLDIG_INNTEKTSAAR':
      // NAV's runbook for this status: next year's cards cannot be ordered before 15 December, nor last year's
      // after June (navikt/sokos-skattekort, the alert text for UGYLDIG_INNTEKTSAAR).
      return {
        nb: 'Skatteetaten tar ikke imot bestillinger for dette inntektsåret nå (neste års skattekort fra 15. desember, fjorårets bare til og med juni). Bestill på nytt med et annet år.',
        en: 'Skatteetaten does not take orders for this income year now (next year’s cards from 15 December, last year’s only until the end of June). Order again with another year.',
      };
    case 'UGYLDIG_FORESPOERSEL':
      return {
        nb: 'Skatteetaten avviste bestillingen som ugyldig. Sjekk organisasjonsnummeret og arbeidstakerne, og bestill på nytt.',
        en: 'Skatteetaten refused the order as invalid. Check the organisation number and the employees, and order again.',
      };
    case 'INGEN_ENDRINGER':
      return {
        nb: 'Ingen skattekort er endret siden forrige bestilling.',
        en: 'No tax card has changed since the previous order.',
      };
    case 'ENDRINGSFORESPOERSEL_UTEN_TIDLIGERE_BESTILLING':
      return {
        nb: 'Du ba bare om endringer, men har ikke bestilt skattekort for dette året før. Bestill alle arbeidstakerne først.',
        en: 'You asked for changes only, but have not ordered tax cards for this year before. Order all employees first.',
      };
    default:
      return {
        nb: `Skatteetaten svarte med status «${status}».`,
        en: `Skatteetaten answered with the status “${status}”.`,
      };
  }
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
              nb: `Frikort: ikke trekk før utbetalingene i år passerer ${formatKroner(amount, 'nb')}; deretter ${formatPercent(50, 'nb')} av det som overstiger.`,
              en: `Tax-free card: withhold nothing until this year's payments pass ${formatKroner(amount, 'en')}; then ${formatPercent(50, 'en')} of the excess.`,
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
      nb: `Ingen skattekort: trekk ${formatPercent(50, 'nb')} til skattekortet foreligger.`,
      en: `No tax card: withhold ${formatPercent(50, 'en')} until there is one.`,
    };
  }
  if (resultat === 'ugyldigFoedselsEllerDnummer') {
    return {
      nb: `Ugyldig fødsels- eller D-nummer: rett nummeret og bestill på nytt; trekk ${formatPercent(50, 'nb')} så lenge.`,
      en: `Invalid national identity or D number: correct it and order again; withhold ${formatPercent(50, 'en')} meanwhile.`,
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
  return formatPercent(value, lang);
}

function months(value: number | undefined, lang: 'nb' | 'en'): string {
  if (value === undefined) return '';
  return lang === 'nb'
    ? ` (trekk i ${formatDecimal(value, 'nb')} måneder)`
    : ` (deductions in ${formatDecimal(value, 'en')} months)`;
}
