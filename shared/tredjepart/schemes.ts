import { z } from 'zod';
import { serviceById, type ServiceId } from '../domain/services-catalogue';
import type { LocalizedText } from '../domain/localized';

/**
 * The tredjepartsopplysning schemes Innsender ships (skatteetaten-apis.md §6), as data: one shared client, one
 * emulator route and one set of envelope checks serve them all; what differs per scheme is here. Field names are
 * read from Skatteetaten/api-dokumentasjon (the "Eksempler" and "Informasjonsmodell" tabs; the JSON schemas
 * themselves are only on SwaggerHub, so the checks stay tolerant and unknown fields pass through).
 */
export const SCHEME_IDS = ['boligselskap', 'boligsameie', 'gavertilfrivillige'] as const;
export const SchemeIdSchema = z.enum(SCHEME_IDS);
export type SchemeId = z.infer<typeof SchemeIdSchema>;

/** An amount field of an `oppgave` and the `oppgaveoppsummering` field that must hold its sum. */
export interface SchemeAmount {
  field: string;
  sum: string;
  label: LocalizedText;
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
  /** What the page shows per oppgave's unit (boenhet, matrikkelnummer), for the duplicate check and findings. */
  unit: 'boenhet' | 'matrikkelnummer' | null;
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
