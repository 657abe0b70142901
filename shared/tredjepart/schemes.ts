import { z } from 'zod';
import { serviceById, type ServiceId } from '../domain/services-catalogue';
import type { LocalizedText } from '../domain/localized';

/**
 * The tredjepartsopplysning schemes Innsender ships (skatteetaten-apis.md §6), as data: one shared client, one
 * emulator route and one set of envelope checks serve them all; what differs per scheme is here. Field names are
 * read from Skatteetaten/api-dokumentasjon (the "Eksempler" and "Informasjonsmodell" tabs; the JSON schemas
 * themselves are only on SwaggerHub, so the checks stay tolerant and unknown fields pass through).
 */
export const SCHEME_IDS = [
  'boligselskap',
  'boligsameie',
  'gavertilfrivillige',
  'aksjesparekonto',
  'finansprodukter',
  'skattefrieutbetalinger',
  'aandsverk',
] as const;
export const SchemeIdSchema = z.enum(SCHEME_IDS);
export type SchemeId = z.infer<typeof SchemeIdSchema>;

/** An amount field of an `oppgave` and the `oppgaveoppsummering` field that must hold its sum. */
export interface SchemeAmount {
  /** The field in an `oppgave`; dotted when it sits in a block of its own (`aksjesparekonto.innskudd`). */
  field: string;
  sum: string;
  label: LocalizedText;
  /** A gain-or-loss field may be negative (`skattepliktigGevinstTap`); every other amount is zero or more. */
  signed?: boolean;
}

export interface TredjepartScheme {
  id: SchemeId;
  /** The catalogue entry with its scope and resource (one source of truth for those). */
  serviceId: ServiceId;
  /** What replaces `{scheme}` in the environments table's `tredjepartTemplate` (`innrapportering{scheme}`). */
  apiName: string;
  /** The Altinn 2 form the API replaces. */
  form: string;
  title: LocalizedText;
  amounts: readonly SchemeAmount[];
  /** "Det kun er tillatt med en leveranse pr Melding" (gaver); the housing examples send a list. */
  singleLeveranse: boolean;
  /**
   * Where the receipt ("Eksempel på respons") puts `oppgavegiversLeveranseReferanse` and `antallOppgaver`: at the
   * top, or in one `leveranseformaal[]` entry per formål (boligselskap).
   */
  receipt: 'top-level' | 'per-formaal';
  /**
   * What the page shows per oppgave's unit (boenhet, matrikkelnummer, the account), for the duplicate check and
   * findings.
   */
  unit: 'boenhet' | 'matrikkelnummer' | 'aksjesparekonto' | null;
  /**
   * The scheme is one the TPO file reception takes (`docs/api/innrapportering-tpo-filmottak.md`, "Følgende ordninger
   * er støttet"): a melding over the JSON API's 10 MB goes there as XML in this namespace.
   */
  fileReception?: { namespace: string };
  /** Where each fact comes from. */
  source: string;
  /** What could not be confirmed, shown beside the scheme. */
  unconfirmed?: string;
}

const HOUSING_AMOUNTS: readonly SchemeAmount[] = [
  {
    field: 'andelSkattepliktigeInntekter',
    sum: 'sumAndelSkattepliktigeInntekter',
    label: { nb: 'Skattepliktige inntekter', en: 'Taxable income' },
  },
  {
    field: 'andelFradragsberettigedeKostnader',
    sum: 'sumAndelFradragsberettigedeKostnader',
    label: { nb: 'Fradragsberettigede kostnader', en: 'Deductible costs' },
  },
  { field: 'andelFormue', sum: 'sumAndelFormue', label: { nb: 'Formue', en: 'Assets' } },
  { field: 'andelGjeld', sum: 'sumAndelGjeld', label: { nb: 'Gjeld', en: 'Debt' } },
];

export const SCHEMES: Readonly<Record<SchemeId, TredjepartScheme>> = {
  boligselskap: {
    id: 'boligselskap',
    serviceId: 'tredjepart-boligselskap',
    apiName: 'boligselskap',
    form: 'RF-1139',
    title: { nb: 'Boligselskap (RF-1139)', en: 'Housing company (RF-1139)' },
    amounts: [
      {
        field: 'andelLikningsverdiBoenhet',
        sum: 'sumAndelLikningsverdiBoenhet',
        label: { nb: 'Likningsverdi boenhet', en: 'Assessed value of the unit' },
      },
      ...HOUSING_AMOUNTS,
    ],
    singleLeveranse: false,
    // docs/api/innrapportering-boligselskap.md @ a147dc2c3abb3575c7c4b29eefd5390ba49d9f7b, "Eksempel på respons".
    receipt: 'per-formaal',
    unit: 'boenhet',
    source:
      'Skatteetaten/api-dokumentasjon docs/api/innrapportering-boligselskap.md @ 008abef2 (Eksempler, Informasjonsmodell)',
    unconfirmed:
      'The stored example sends `leveranse` as a list and amounts as numbers; the JSON schema is on SwaggerHub only.',
  },
  boligsameie: {
    id: 'boligsameie',
    serviceId: 'tredjepart-boligsameie',
    apiName: 'boligsameie',
    form: 'RF-1140',
    title: { nb: 'Boligsameie (RF-1140)', en: 'Housing co-ownership (RF-1140)' },
    amounts: HOUSING_AMOUNTS,
    singleLeveranse: false,
    receipt: 'top-level',
    unit: 'matrikkelnummer',
    source: 'Skatteetaten/api-dokumentasjon docs/api/innrapportering-boligsameie.md @ 11f2ca86 (Eksempler)',
    unconfirmed: 'The page has no field table; the fields are read from its example only.',
  },
  gavertilfrivillige: {
    id: 'gavertilfrivillige',
    serviceId: 'tredjepart-gaver-frivillige',
    apiName: 'gavertilfrivillige',
    form: 'RF-1310',
    title: {
      nb: 'Gaver til frivillige organisasjoner (RF-1310)',
      en: 'Gifts to voluntary organisations (RF-1310)',
    },
    amounts: [{ field: 'beloep', sum: 'sumBeloep', label: { nb: 'Gavebeløp', en: 'Gift amount' } }],
    singleLeveranse: true,
    receipt: 'top-level',
    unit: null,
    source:
      'Skatteetaten/api-dokumentasjon docs/api/innrapportering-gavertilfrivillige.md @ 03243285 (Eksempler, Informasjonsmodell)',
  },
  aksjesparekonto: {
    id: 'aksjesparekonto',
    serviceId: 'tredjepart-aksjesparekonto',
    apiName: 'aksjesparekonto',
    form: 'RF-1301',
    title: { nb: 'Aksjesparekonto (RF-1301)', en: 'Share savings accounts (RF-1301)' },
    // The account's amounts and their sums, as in the page's example ("Eksempel på innsending").
    amounts: (
      [
        ['inngangsverdi', 'Inngangsverdi', 'Entry value'],
        ['innskudd', 'Innskudd', 'Deposits'],
        ['uttak', 'Uttak', 'Withdrawals'],
        ['ubenyttetSkjerming', 'Ubenyttet skjerming', 'Unused shielding'],
        ['anvendtSkjerming', 'Anvendt skjerming', 'Shielding used'],
        ['skattepliktigGevinstTap', 'Skattepliktig gevinst/tap', 'Taxable gain/loss'],
        ['formuesverdiKontantdel', 'Formuesverdi kontantdel', 'Wealth value, cash part'],
      ] as const
    ).map(([field, nb, en]) => ({
      field: `aksjesparekonto.${field}`,
      sum: `sum${field.charAt(0).toUpperCase()}${field.slice(1)}`,
      label: { nb, en },
      ...(field === 'skattepliktigGevinstTap' ? { signed: true } : {}),
    })),
    singleLeveranse: false,
    receipt: 'top-level',
    unit: 'aksjesparekonto',
    fileReception: { namespace: 'urn:ske:fastsetting:innsamling:aksjesparekonto:v3' },
    source:
      'Skatteetaten/api-dokumentasjon docs/api/innrapportering-aksjesparekonto.md @ 11f2ca86 (Eksempler); the file reception: docs/api/innrapportering-tpo-filmottak.md @ 0a722698 (Eksempler)',
    unconfirmed:
      'The Informasjonsmodell is an image and the XSD (aksjesparekonto_v3_3.xsd) is not published: fields are read from the examples.',
  },
  finansprodukter: {
    id: 'finansprodukter',
    serviceId: 'tredjepart-finansprodukter',
    apiName: 'finansprodukter',
    form: 'RF-1301',
    title: { nb: 'Finansprodukter (RF-1301)', en: 'Financial products (RF-1301)' },
    // One value per finansprodukt of the oppgave's konto, summed as in the page's example ("Eksempel på innsending").
    amounts: (
      [
        ['formuesverdi.beloepINOK', 'sumFormuesverdi', 'Formuesverdi', 'Wealth value'],
        ['gevinstEllerTap.skattepliktigGevinst', 'sumGevinst', 'Skattepliktig gevinst', 'Taxable gain'],
        ['gevinstEllerTap.fradragsberettigetTap', 'sumTap', 'Fradragsberettiget tap', 'Deductible loss'],
        ['anvendtSkjerming', 'sumAnvendtSkjerming', 'Anvendt skjerming', 'Shielding used'],
        ['salgsvederlag.beloepINOK', 'sumSalgsvederlag', 'Salgsvederlag', 'Sales proceeds'],
      ] as const
    ).map(([field, sum, nb, en]) => ({ field: `konto.finansprodukt.${field}`, sum, label: { nb, en } })),
    singleLeveranse: false,
    receipt: 'top-level',
    unit: null,
    source: 'Skatteetaten/api-dokumentasjon docs/api/innrapportering-finansprodukter.md @ 11f2ca86 (Eksempler)',
    unconfirmed:
      'The Informasjonsmodell is an image: the fields behind sumSkattepliktigUtbytte, sumRenteinntekt, sumAnnenInntektEllerUtbetaling and sumUtdeltUtbytte are not shown, so those sums are not checked. The file reception takes this scheme, but its XML namespace is not published: a melding over 10 MB cannot be sent yet.',
  },
  skattefrieutbetalinger: {
    id: 'skattefrieutbetalinger',
    serviceId: 'tredjepart-skattefrie-utbetalinger',
    apiName: 'skattefrieutbetalinger',
    form: 'RF-1319',
    title: {
      nb: 'Skattefrie utbetalinger fra offentlige myndigheter (RF-1319)',
      en: 'Tax-free payments from public authorities (RF-1319)',
    },
    // The example's oppgave has `utbetalt` (a number) and its summary also `sumTilbakebetalt`: 0 with no oppgave
    // naming a `tilbakebetalt`, so a missing one counts as none.
    amounts: [
      { field: 'utbetalt', sum: 'sumUtbetalt', label: { nb: 'Utbetalt', en: 'Paid' } },
      { field: 'tilbakebetalt', sum: 'sumTilbakebetalt', label: { nb: 'Tilbakebetalt', en: 'Paid back' } },
    ],
    singleLeveranse: false,
    receipt: 'top-level',
    unit: null,
    source: 'Skatteetaten/api-dokumentasjon docs/api/innrapportering-skattefrieutbetalinger.md @ 0a4b7085 (Eksempler)',
    unconfirmed:
      'The Informasjonsmodell is an image: the fields (utbetalingsmaaned, ytelsestype, utbetalt) are read from the example, and whether an oppgave may carry `tilbakebetalt` is not shown.',
  },
  aandsverk: {
    id: 'aandsverk',
    serviceId: 'tredjepart-opphaverrett',
    apiName: 'aandsverk',
    form: 'RF-1357',
    title: {
      nb: 'Godtgjøring til opphaver til åndsverk (RF-1357)',
      en: 'Remuneration to the author of a copyrighted work (RF-1357)',
    },
    amounts: [
      {
        field: 'utbetaltGodtgjoerelseInnenNaeringsvirksomhet',
        sum: 'sumUtbetaltGodtgjoerelseInnenNaeringsvirksomhet',
        label: { nb: 'Godtgjørelse innen næringsvirksomhet', en: 'Remuneration within a business' },
      },
      {
        field: 'utbetaltGodtgjoerelseUtenforNaeringsvirksomhet',
        sum: 'sumUtbetaltGodtgjoerelseUtenforNaeringsvirksomhet',
        label: { nb: 'Godtgjørelse utenfor næringsvirksomhet', en: 'Remuneration outside a business' },
      },
    ],
    singleLeveranse: false,
    receipt: 'top-level',
    unit: null,
    source: 'Skatteetaten/api-dokumentasjon docs/api/innrapportering-aandsverk.md @ 0da16e5c (Eksempler)',
    unconfirmed:
      'The published example is not valid JSON (a comma after the last oppgave) and its summary counts two of its three oppgaver; the owner is `person{foedselsnummer, navn}` or `organisasjon{organisasjonsnummer, organisasjonsnavn}`.',
  },
};

export function schemeById(id: SchemeId): TredjepartScheme {
  return SCHEMES[id];
}

export function schemeScope(id: SchemeId): string {
  return serviceById(SCHEMES[id].serviceId).scope;
}

export function schemeResource(id: SchemeId): string {
  return serviceById(SCHEMES[id].serviceId).resource;
}

/** The scheme whose Altinn resource this is (`urn:altinn:resource:…` or bare), for reading its dialogs. */
export function schemeOfResource(resource: string): SchemeId | null {
  const bare = resource.replace(/^urn:altinn:resource:/, '');
  return SCHEME_IDS.find((id) => schemeResource(id) === bare) ?? null;
}
