import { controlsByCode, findingsOf, type Control } from '../controls/control';

/**
 * The RF-1086 controls. The `RF1086_H…`/`RF1086_U…` rows are Skatteetaten's own list, the "Valideringer" tab of
 * its API page, in its order (main form 1–46, shareholder form 1–40); each carries a `fields` rule that
 * `rules/field-controls.ts` evaluates on the form. Fields and groups are named by their datadef/gruppe number
 * (`AksjerStiftelseMvAntall-datadef-17669` is 17669, `AntallNyutstedteAksjer-grp-3453` is group 3453; group 0 is the
 * whole form). Rows of that list that an existing rule already checks carry that rule's code instead.
 */
export const VALIDERINGER =
  'https://github.com/Skatteetaten/api-dokumentasjon/blob/main/docs/api/innrapportering-aksjonaerregisteroppgave.md (tab "Valideringer")';
const FORMATS = 'formats.md §3.4 (docs in /work/shared/docs)';
const FIELD_NOTES = 'field-notes.md: github olefredrik/Wenche PR #69, commit d70d841';
const ERROR_CODES =
  'https://github.com/Skatteetaten/api-dokumentasjon/blob/main/docs/api/innrapportering-aksjonaerregisteroppgave.md (tab "Feilkoder")';

/** A condition on the fields of one group occurrence; all of a rule's conditions must hold for it to apply. */
export type FieldCondition =
  | { readonly present: number }
  | { readonly absent: number }
  | { readonly anyPresent: readonly number[] }
  | { readonly field: number; readonly in: readonly string[] }
  | { readonly field: number; readonly notIn: readonly string[] }
  | { readonly positive: number };

/** What must then hold; the finding is given when it does not. */
export type FieldRequirement =
  | { readonly allOrNone: readonly number[] }
  | { readonly allOf: readonly number[] }
  | { readonly anyOf: readonly number[] }
  | { readonly noneOf: readonly number[] }
  | { readonly notAll: readonly number[] }
  | { readonly zero: readonly number[] };

export interface FieldRule {
  readonly form: 'hovedskjema' | 'underskjema';
  readonly group: number;
  readonly when?: readonly FieldCondition[];
  readonly require: FieldRequirement;
}

export type Rf1086Control = Control & { readonly fields?: FieldRule };

/** Innsender's own share-count checks: sound arithmetic, but not in Skatteetaten's list, so they only warn. */
const NOT_PUBLISHED =
  "Not in Skatteetaten's published list; a warning until a refusal shows that Skatteetaten enforces it.";
/** Rows U6, U8, U9 name group 3991, but the XSD keeps the withholding country and % in group 9347 beside it. */
const WITHHOLDING_GROUPS =
  "The published check says 'for hver UtdeltUtbyttePerAksjonar-grp-3991', but the XSD keeps KildeskattProsent and KildeskattLandkode in UtdeltUtbytteKildeskatt-grp-9347 beside it, so the check runs on their common parent, group 3990.";
const ALL_OR_NONE =
  'Published as "ingen eller alle av … er definert": the fields go together, so some but not all of them is the error.';

/** Rows 2–4 of the shareholder list: three pairs of identifiers, one message. */
const ONE_IDENTIFIER = {
  nb: "Aksjonærer skal bare identifiseres med én av 'Fødsels-/D-nummer', 'Org.nr' eller 'Utenlandsk aksjonær-ID'.",
  en: 'A shareholder is identified by only one of national identity/D number, org. no. or foreign ID.',
};

export const RF1086_CONTROLS = [
  // Skatteetaten's list, main form.
  h(
    1,
    0,
    [{ field: 17691, in: ['L'] }],
    { zero: [87, 17664, 23945, 29167, 5867, 17661] },
    'Ved likvidasjon av selskap skal post 1–6 være 0.',
    'When the company is liquidated, items 1–6 must be 0.',
  ),
  h(
    2,
    0,
    [{ field: 17691, in: ['L'] }],
    { allOf: [17661] },
    'Ved likvidasjon av selskap skal post 6 være 0 (og fylt ut).',
    'When the company is liquidated, item 6 must be given as 0.',
  ),
  h(
    3,
    3451,
    [{ field: 36564, in: ['Y'] }],
    { allOrNone: [17665, 23946, 17667] },
    'Samtlige felt i post 8 må fylles ut.',
    'All fields of item 8 must be filled in.',
    ALL_OR_NONE,
  ),
  h(
    4,
    3451,
    [{ field: 36564, in: ['Z'] }],
    { allOrNone: [17665, 17667] },
    'Samtlige felt i post 8 må fylles ut.',
    'All fields of item 8 must be filled in.',
    ALL_OR_NONE,
  ),
  h(
    5,
    3451,
    [{ present: 17667 }, { field: 36564, in: ['Y'] }],
    { allOf: [17665, 23946] },
    'Oppgir man tidspunkt, må det også foreligge en utbetaling.',
    'When a time is given, a payment must be given too.',
  ),
  h(
    6,
    3451,
    [{ present: 36564 }],
    { allOf: [17665, 17667] },
    'Oppgir man hendelsestype, må det også foreligge en utbetaling.',
    'When an event type is given, a payment must be given too.',
  ),
  h(
    7,
    3451,
    [{ absent: 36564 }],
    { noneOf: [17665, 17667, 23946] },
    'Du må oppgi hendelsestype når det foreligger en utbetaling.',
    'An event type must be given when there is a payment.',
  ),
  h(
    8,
    3451,
    [{ present: 36564 }],
    { allOf: [17667] },
    'Oppgir man hendelsestype, må også tidspunkt fylles ut.',
    'When an event type is given, the time must be given too.',
    'The published message reads "Oppgir man tidspunkt, må det også foreligge en utbetaling"; the check itself is that a time is given with an event type.',
  ),
  h(
    9,
    3453,
    [],
    { allOrNone: [17668, 17669, 17670, 17671, 23947] },
    "I post 9 mangler ett eller flere av feltene 'Antall nyutstedte aksjer', 'Antall aksjer etter', 'Hendelsestype', 'Tidspunkt' eller 'Pålydende per aksje'.",
    "Item 9 lacks one or more of 'Number of new shares', 'Number of shares after', 'Event type', 'Time' or 'Nominal value per share'.",
    ALL_OR_NONE,
  ),
  h(
    10,
    3455,
    [{ field: 17679, in: ['SD'] }],
    { anyOf: [17684, 19905] },
    "Ved 'Sammenslåing/deling av aksjeklasse' må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "For 'Merger/split of share class', at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  h(
    11,
    3455,
    [{ field: 17679, in: ['C'] }],
    { allOrNone: [17677, 17678, 17679, 17680, 23949] },
    "I post 10 mangler ett eller flere av feltene 'Antall nyutstedte aksjer', 'Antall aksjer etter', 'Hendelsestype', 'Tidspunkt' eller 'Pålydende per utstedt aksje'.",
    "Item 10 lacks one or more of 'Number of new shares', 'Number of shares after', 'Event type', 'Time' or 'Nominal value per issued share'.",
    ALL_OR_NONE,
  ),
  h(
    12,
    3455,
    [{ field: 17679, in: ['C'] }],
    { allOf: [17680] },
    "Ved 'Korrigering av aksjeklasse/ISIN' må 'Tidspunkt' fylles ut.",
    "For 'Correction of share class/ISIN', 'Time' must be filled in.",
  ),
  h(
    13,
    3455,
    [{ field: 17679, in: ['C'] }],
    { anyOf: [17684, 19905] },
    "Ved 'Korrigering av aksjeklasse/ISIN' må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "For 'Correction of share class/ISIN', at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  h(
    14,
    3457,
    [],
    { allOrNone: [17688, 17689, 23951, 17691, 17692] },
    "I post 11 mangler ett eller flere av feltene 'Antall slettede aksjer', 'Antall aksjer etter', 'Pålydende per aksje', 'Hendelsestype' eller 'Tidspunkt'.",
    "Item 11 lacks one or more of 'Number of deleted shares', 'Number of shares after', 'Nominal value per share', 'Event type' or 'Time'.",
    ALL_OR_NONE,
  ),
  h(
    15,
    3459,
    [{ anyPresent: [20374, 20375, 17701, 23954] }],
    { noneOf: [17703, 17704, 19907, 17705, 23955] },
    'Hvis opplysninger om overtakende selskap er utfylt, kan ikke opplysninger om overtakende morselskap fylles ut.',
    'When the acquiring company is given, the acquiring parent company cannot be given.',
  ),
  h(
    16,
    3459,
    [],
    { allOrNone: [17693, 17694, 17695, 17696] },
    "I post 12 mangler ett eller flere av feltene 'Antall slettede aksjer', 'Antall aksjer etter', 'Hendelsestype' eller 'Tidspunkt'.",
    "Item 12 lacks one or more of 'Number of deleted shares', 'Number of shares after', 'Event type' or 'Time'.",
    ALL_OR_NONE,
  ),
  h(
    17,
    3459,
    [{ positive: 17705 }],
    { allOf: [23955] },
    "Når 'Vederlagsaksjer (antall)' er utfylt, må også 'Pålydende per vederlagsaksje' fylles ut.",
    "When 'Consideration shares (number)' is given, 'Nominal value per consideration share' must be given too.",
  ),
  h(
    18,
    3459,
    [{ present: 17703 }],
    { anyOf: [19907, 17704] },
    "Hvis 'Overtakende morselskaps org.nr' er utfylt, må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "When 'Acquiring parent company's org. no.' is given, at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  h(
    19,
    3459,
    [{ present: 20375 }, { field: 17695, notIn: ['SD'] }],
    { allOf: [23954] },
    "Når 'Aksjeklasse' er utfylt, må også 'Pålydende per vederlagsaksje' fylles ut.",
    "When 'Share class' is given, 'Nominal value per consideration share' must be given too.",
  ),
  h(
    20,
    3459,
    [{ present: 20373 }, { absent: 17703 }],
    { anyOf: [20374, 20375] },
    "Når 'Overtakende selskaps org.nr' er utfylt og 'Overtakende morselskaps org.nr' ikke er det, må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "When 'Acquiring company's org. no.' is given and the parent's is not, at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  h(
    21,
    3459,
    [{ field: 17695, in: ['SD'] }],
    { anyOf: [20374, 20375] },
    "Ved 'Sammenslåing/deling av aksjeklasse/ISIN' må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "For 'Merger/split of share class/ISIN', at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  h(
    22,
    3459,
    [{ field: 17695, in: ['I', 'U'] }],
    { anyOf: [20373, 17703] },
    "Ved skattefri fusjon og fisjon må 'Overtakende org.nr' eller 'Overtakende morselskaps org.nr' fylles ut.",
    "For a tax-free merger or demerger, the acquiring company's or its parent's org. no. must be filled in.",
  ),
  h(
    23,
    3459,
    [{ field: 17695, in: ['I', 'U', 'SD'] }],
    { allOf: [23952] },
    "Feltet 'Pålydende per aksje' må fylles ut.",
    "'Nominal value per share' must be filled in.",
  ),
  h(
    24,
    3459,
    [{ field: 17695, in: ['V'] }],
    { allOf: [23953] },
    "Feltet 'Pålydende per aksje etter spleis' må fylles ut.",
    "'Nominal value per share after the reverse split' must be filled in.",
  ),
  h(
    25,
    3459,
    [{ field: 17695, in: ['U'] }, { present: 17703 }],
    { allOf: [20373] },
    "Ved trekantfusjon skal både 'Overtakende morselskaps org.nr' og 'Overtakende selskaps org.nr' fylles ut.",
    "For a triangular merger, both the acquiring parent's and the acquiring company's org. no. must be filled in.",
  ),
  h(
    26,
    3461,
    [],
    { allOrNone: [17707, 17708] },
    'Begge felt i post 13 må fylles ut.',
    'Both fields of item 13 must be filled in.',
    ALL_OR_NONE,
  ),
  h(
    27,
    3462,
    [],
    { allOrNone: [17709, 23956, 23957, 17712] },
    'Samtlige felt i post 14 må fylles ut.',
    'All fields of item 14 must be filled in.',
    ALL_OR_NONE,
  ),
  h(
    28,
    3463,
    [{ field: 28268, in: ['8', '9'] }],
    { allOf: [28213] },
    "Ved fisjon/fusjon ved økning av pålydende må 'Overdragende selskaps org.nr' fylles ut.",
    "For a demerger/merger by higher nominal value, 'Transferring company's org. no.' must be filled in.",
  ),
  h(
    29,
    3463,
    [{ field: 28268, in: ['8', '9'] }],
    { anyOf: [28214, 28215] },
    "Ved fisjon/fusjon ved økning av pålydende må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "For a demerger/merger by higher nominal value, at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  h(
    30,
    3463,
    [{ field: 28268, in: ['11'] }],
    { allOrNone: [17713, 23958, 23959, 28268, 17716] },
    "Feltene 'Forhøyelse av aksjekapital', 'Økning pålydende per aksje', 'Pålydende per aksje etter', 'Hendelsestype' og 'Tidspunkt' må fylles ut.",
    "'Share capital increase', 'Increase in nominal value per share', 'Nominal value per share after', 'Event type' and 'Time' must be filled in.",
    ALL_OR_NONE,
  ),
  h(
    31,
    3463,
    [{ field: 28268, in: ['11'] }],
    { allOf: [28213] },
    "Ved forenklet fusjon må 'Overdragende selskaps org.nr' fylles ut.",
    "For a simplified merger, 'Transferring company's org. no.' must be filled in.",
  ),
  h(
    32,
    3463,
    [{ field: 28268, in: ['11'] }],
    { allOf: [17716] },
    "Ved forenklet fusjon må 'Tidspunkt' fylles ut.",
    "For a simplified merger, 'Time' must be filled in.",
  ),
  h(
    33,
    3463,
    [{ field: 28268, in: ['11'] }],
    { anyOf: [28214, 28215] },
    "Ved forenklet fusjon må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "For a simplified merger, at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  h(
    34,
    3464,
    [],
    { allOrNone: [23960, 23961, 17720] },
    "I post 16 mangler ett eller flere av feltene 'Reduksjon pålydende per aksje', 'Pålydende per aksje etter' eller 'Tidspunkt'.",
    "Item 16 lacks one or more of 'Reduction of nominal value per share', 'Nominal value per share after' or 'Time'.",
    ALL_OR_NONE,
  ),
  h(
    35,
    3465,
    [],
    { allOrNone: [17722, 23962, 23963, 17725] },
    'Samtlige felt i post 17 må fylles ut.',
    'All fields of item 17 must be filled in.',
    ALL_OR_NONE,
  ),
  h(
    36,
    3466,
    [],
    { notAll: [17731, 17735] },
    "Feltet 'ISIN' kan bare fylles ut én gang.",
    "'ISIN' can only be filled in once.",
  ),
  h(
    37,
    3466,
    [],
    { notAll: [19903, 19904] },
    "Feltet 'Aksjeklasse' kan bare fylles ut én gang.",
    "'Share class' can only be filled in once.",
  ),
  h(
    38,
    3466,
    [],
    { notAll: [17732, 17736] },
    "Feltet 'Vederlagsaksje' kan bare fylles ut én gang.",
    "'Consideration share' can only be filled in once.",
    'The published check also names share class 19904 (for the parent); the message is about the consideration shares, so the two counts 17732 and 17736 are what may not both be given.',
  ),
  h(
    39,
    3466,
    [],
    { notAll: [23966, 23967] },
    "Feltet 'Pålydende per vederlagsaksje' kan bare fylles ut én gang.",
    "'Nominal value per consideration share' can only be filled in once.",
  ),
  h(
    40,
    3466,
    [{ positive: 17736 }],
    { allOf: [23967] },
    "Når 'Vederlagsaksjer (antall)' er utfylt, må også 'Pålydende per vederlagsaksje' fylles ut.",
    "When 'Consideration shares (number)' is given, 'Nominal value per consideration share' must be given too.",
  ),
  h(
    41,
    3466,
    [{ field: 37825, notIn: ['IRO'] }],
    { allOrNone: [17726, 23964, 23965, 37825, 17729, 17730] },
    "I post 18 mangler ett eller flere av feltene 'Nedsettelse av aksjekapital', 'Reduksjon av pålydende per aksje', 'Pålydende per aksje etter', 'Hendelsestype', 'Tidspunkt' eller 'Overtakende selskaps org.nr'.",
    "Item 18 lacks one or more of 'Share capital reduction', 'Reduction of nominal value per share', 'Nominal value per share after', 'Event type', 'Time' or 'Acquiring company's org. no.'.",
    ALL_OR_NONE,
  ),
  h(
    42,
    3466,
    [{ field: 37825, in: ['IRO'] }],
    { allOrNone: [17726, 23964, 23965, 37825, 17729] },
    "I post 18 mangler ett eller flere av feltene 'Nedsettelse av aksjekapital', 'Reduksjon av pålydende per aksje', 'Pålydende per aksje etter', 'Hendelsestype' eller 'Tidspunkt'.",
    "Item 18 lacks one or more of 'Share capital reduction', 'Reduction of nominal value per share', 'Nominal value per share after', 'Event type' or 'Time'.",
    ALL_OR_NONE,
  ),
  h(
    43,
    3466,
    [{ present: 17730 }, { absent: 17734 }],
    { anyOf: [17731, 19903] },
    "Når 'Overtakende selskaps org.nr' er utfylt og 'Overtakende morselskaps org.nr' ikke er det, må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "When the acquiring company's org. no. is given and the parent's is not, at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  h(
    44,
    3466,
    [{ positive: 17732 }],
    { allOf: [23966] },
    "Når 'Vederlagsaksjer (antall)' er utfylt, må også 'Pålydende per vederlagsaksje' fylles ut.",
    "When 'Consideration shares (number)' is given, 'Nominal value per consideration share' must be given too.",
  ),
  h(
    45,
    3466,
    [{ present: 17734 }],
    { anyOf: [17735, 19904] },
    "Hvis 'Overtakende morselskaps org.nr' er utfylt, må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "When the acquiring parent's org. no. is given, at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  h(
    46,
    3466,
    [{ present: 17734 }],
    { allOf: [17730] },
    "Ved trekantfisjon skal både 'Overtakende morselskaps org.nr' og 'Overtakende selskaps org.nr' fylles ut.",
    "For a triangular demerger, both the acquiring parent's and the acquiring company's org. no. must be filled in.",
  ),
  // Skatteetaten's list, shareholder form. Rows 1–4 are the existing identity rules.
  published('RF1086_SHAREHOLDER_IDENTITY_INCOMPLETE', 'U1', {
    nb: "'Navn' og 'Land' må fylles ut hvis aksjonæridentifikasjon ikke er utfylt.",
    en: "'Name' and 'Country' must be filled in when no shareholder identifier is given.",
  }),
  published('RF1086_SHAREHOLDER_ID_COUNT', 'U2', ONE_IDENTIFIER),
  published('RF1086_SHAREHOLDER_ID_COUNT', 'U3', ONE_IDENTIFIER),
  published('RF1086_SHAREHOLDER_ID_COUNT', 'U4', ONE_IDENTIFIER),
  u(
    5,
    0,
    [],
    { allOf: [29168, 17741] },
    "'Antall aksjer' må fylles ut (1.1. og 31.12.).",
    "'Number of shares' must be filled in (1 Jan and 31 Dec).",
  ),
  u(
    6,
    3990,
    [{ present: 17743 }, { present: 17744 }, { present: 2280 }],
    { allOf: [29169, 17742, 17769] },
    "Når kildeskatt er utfylt, må også 'Utdelt utbytte', 'Antall aksjer' og 'Tidspunkt' være utfylt.",
    "When withholding tax is given, 'Dividend paid', 'Number of shares' and 'Time' must be given too.",
    WITHHOLDING_GROUPS,
  ),
  u(
    7,
    3991,
    [],
    { allOrNone: [17742, 29169, 17769] },
    "I post 21 mangler ett eller flere av feltene 'Utdelt utbytte', 'Antall aksjer' eller 'Tidspunkt'.",
    "Item 21 lacks one or more of 'Dividend paid', 'Number of shares' or 'Time'.",
    ALL_OR_NONE,
  ),
  u(
    8,
    3990,
    [{ absent: 17743 }],
    { noneOf: [2280, 17744] },
    "I post 21 mangler 'Kildeskatt i kroner' når 'Kildeskatt i %' eller 'Kildeskatt land' er utfylt.",
    "Item 21 lacks 'Withholding tax in NOK' while 'Withholding tax %' or 'Withholding tax country' is given.",
    `Read literally the published check fires on every dividend without withholding tax (Skatteetaten's own example has none); read as the three withholding fields going together, like row 9. ${WITHHOLDING_GROUPS}`,
  ),
  u(
    9,
    3990,
    [{ present: 17743 }],
    { allOf: [2280, 17744] },
    "I post 21 mangler ett eller flere av feltene 'Kildeskatt i %', 'Kildeskatt i kroner' eller 'Kildeskatt land'.",
    "Item 21 lacks one or more of 'Withholding tax %', 'Withholding tax in NOK' or 'Withholding tax country'.",
    WITHHOLDING_GROUPS,
  ),
  u(
    10,
    7865,
    [],
    { allOrNone: [30396, 36658, 30397] },
    "Et av feltene 'Transaksjonstype', 'Beløp' eller 'Tidspunkt' mangler utfylling.",
    "One of 'Transaction type', 'Amount' or 'Time' is missing.",
    ALL_OR_NONE,
  ),
  u(
    11,
    3998,
    [{ field: 17745, notIn: ['TH'] }],
    { allOrNone: [12153, 17745, 17746] },
    "I post 23 mangler ett eller flere av feltene 'Antall aksjer i tilgang', 'Transaksjonstype' eller 'Tidspunkt'.",
    "Item 23 lacks one or more of 'Shares acquired', 'Transaction type' or 'Time'.",
    ALL_OR_NONE,
  ),
  u(
    12,
    3998,
    [{ field: 17745, in: ['OK', 'GK'] }],
    { anyOf: [26530, 26531] },
    'Ved overføring eller arv/gave med skattemessig kontinuitet (OK, GK) må avgivers fødselsnummer eller org.nr være utfylt.',
    "For a transfer or inheritance/gift with tax continuity (OK, GK), the giver's identity number or org. no. must be given.",
    'The published check names type OK, its message type GK; the disposal side (rows 22–23) asks the same for both, so both are checked.',
  ),
  u(
    13,
    3998,
    [{ field: 17745, in: ['GS', 'ES', 'AK'] }],
    { allOf: [26530] },
    'Ved avgiftspliktig arv/gave med kontinuitet (AK), gavesalg (GS) eller fordeling mellom ektefeller ved skilsmisse (ES) må avgivers fødselsnummer være utfylt.',
    "For a taxable inheritance/gift with continuity (AK), a gift sale (GS) or a division between spouses on divorce (ES), the giver's identity number must be given.",
  ),
  u(
    14,
    3998,
    [{ present: 17745 }],
    { notAll: [26530, 26531] },
    'Fyll ut bare ett av feltene avgivers fødselsnummer eller avgivers org.nr.',
    "Give only one of the giver's identity number or org. no.",
  ),
  u(
    15,
    3998,
    [{ field: 17745, in: ['TH'] }],
    { allOf: [17746, 17636, 26531] },
    "Ved fradrag for investering i oppstartsselskap (TH) må 'Tidspunkt', 'Anskaffelsesverdi totalt' og 'Avgivers org.nr' være utfylt.",
    "For the start-up investment deduction (TH), 'Time', 'Total acquisition cost' and the giver's org. no. must be given.",
  ),
  u(
    16,
    3999,
    [],
    { allOrNone: [17748, 17749, 17750] },
    "I post 24 mangler ett eller flere av feltene 'Antall aksjer i tilgang', 'Transaksjonstype' eller 'Tidspunkt'.",
    "Item 24 lacks one or more of 'Shares acquired', 'Transaction type' or 'Time'.",
    ALL_OR_NONE,
  ),
  u(
    17,
    3999,
    [{ present: 17683 }],
    { anyOf: [17684, 19905] },
    "Hvis 'Overdragende selskaps org.nr' er fylt ut, skal minst ett av feltene 'Overdragende selskaps ISIN' eller 'Overdragende selskaps aksjeklasse' fylles ut.",
    "When the transferring company's org. no. is given, its ISIN or share class must be given too.",
  ),
  u(
    18,
    3999,
    [{ field: 17749, in: ['U', 'I'] }],
    { allOf: [17683] },
    "Ved skattefri fusjon og fisjon må 'Overdragende selskaps org.nr' fylles ut.",
    "For a tax-free merger or demerger, the transferring company's org. no. must be filled in.",
  ),
  u(
    19,
    3999,
    [{ field: 17749, in: ['SD'] }],
    { anyOf: [17684, 19905] },
    "Ved 'Sammenslåing/deling av aksjeklasse/ISIN' må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "For 'Merger/split of share class/ISIN', at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  u(
    20,
    3999,
    [{ present: 17683 }],
    { allOf: [23968] },
    "Hvis 'Overdragende selskaps org.nr' er utfylt, skal også 'Overdragende selskaps pålydende (per aksje)' være utfylt.",
    "When the transferring company's org. no. is given, its nominal value per share must be given too.",
  ),
  u(
    21,
    4002,
    [],
    { allOrNone: [17752, 17753, 17754] },
    "I post 25 mangler ett eller flere av feltene 'Antall aksjer i avgang', 'Transaksjonstype' eller 'Tidspunkt'.",
    "Item 25 lacks one or more of 'Shares disposed', 'Transaction type' or 'Time'.",
    ALL_OR_NONE,
  ),
  u(
    22,
    4002,
    [{ field: 17753, in: ['OK'] }],
    { anyOf: [26532, 26533] },
    'Ved overføring med skattemessig kontinuitet (OK) må mottakers fødselsnummer eller org.nr være utfylt.',
    "For a transfer with tax continuity (OK), the receiver's identity number or org. no. must be given.",
  ),
  u(
    23,
    4002,
    [{ field: 17753, in: ['GK'] }],
    { anyOf: [26532, 26533] },
    'Ved arv/gave med kontinuitet (GK) må mottakers fødselsnummer eller org.nr være utfylt.',
    "For an inheritance/gift with continuity (GK), the receiver's identity number or org. no. must be given.",
  ),
  u(
    24,
    4002,
    [{ field: 17753, in: ['AK', 'GS', 'ES'] }],
    { allOf: [26532] },
    'Ved avgiftspliktig arv/gave med kontinuitet (AK), gavesalg (GS) eller fordeling mellom ektefeller ved skilsmisse (ES) må mottakers fødselsnummer være utfylt.',
    "For a taxable inheritance/gift with continuity (AK), a gift sale (GS) or a division between spouses on divorce (ES), the receiver's identity number must be given.",
  ),
  u(
    25,
    4002,
    [{ present: 17753 }],
    { notAll: [26532, 26533] },
    'Fyll ut bare ett av feltene mottakers fødselsnummer eller mottakers org.nr.',
    "Give only one of the receiver's identity number or org. no.",
    'The published message says "avgivers" (giver); on the disposal side the fields are the receiver\'s.',
  ),
  u(
    26,
    4003,
    [],
    { allOrNone: [24007, 17758, 17759] },
    "I post 26 mangler ett eller flere av feltene 'Antall aksjer i avgang', 'Transaksjonstype' eller 'Tidspunkt'.",
    "Item 26 lacks one or more of 'Shares disposed', 'Transaction type' or 'Time'.",
    ALL_OR_NONE,
  ),
  u(
    27,
    4003,
    [{ present: 17699 }],
    { anyOf: [17700, 19906] },
    "Hvis 'Overtakende selskaps (evt. morselskaps) org.nr' er fylt ut, skal minst ett av feltene 'Overtakende selskaps ISIN' eller 'Overtakende selskaps aksjeklasse' fylles ut.",
    "When the acquiring company's (or parent's) org. no. is given, its ISIN or share class must be given too.",
  ),
  u(
    28,
    4003,
    [{ field: 17758, in: ['I', 'U'] }],
    { allOf: [17699] },
    "Ved skattefri fusjon og fisjon må 'Overtakende selskaps (evt. morselskaps) org.nr' fylles ut.",
    "For a tax-free merger or demerger, the acquiring company's (or parent's) org. no. must be filled in.",
  ),
  u(
    29,
    4003,
    [{ present: 17699 }],
    { allOf: [23969] },
    "Hvis 'Overtakende selskaps (evt. morselskaps) org.nr' er utfylt, skal også 'Overtakende selskaps pålydende per aksje' være utfylt.",
    "When the acquiring company's org. no. is given, its nominal value per share must be given too.",
  ),
  u(
    30,
    4003,
    [{ field: 17758, in: ['SD'] }],
    { anyOf: [17700, 19906] },
    "Ved 'Sammenslåing/deling av aksjeklasse' må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "For 'Merger/split of share class', at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  u(
    31,
    4000,
    [{ anyPresent: [17761, 17764, 17763, 23970] }],
    { allOf: [23970, 17763] },
    "I post 27 mangler ett eller flere av feltene 'Reduksjon av pålydende per aksje' eller 'Tidspunkt'.",
    "Item 27 lacks 'Reduction of nominal value per share' or 'Time'.",
  ),
  u(
    32,
    4000,
    [{ anyPresent: [23970, 17763] }],
    { anyOf: [17761, 17764] },
    "'Nedsettelse av innbetalt aksjekapital' og 'Nedsettelse fondsemittert aksjekapital': ett eller begge felt må være utfylt.",
    "'Reduction of paid-in share capital' and 'Reduction of bonus-issued share capital': one or both must be given.",
  ),
  u(
    33,
    4001,
    [],
    { allOrNone: [17765, 17766] },
    'Begge feltene i post 28 må fylles ut.',
    'Both fields of item 28 must be filled in.',
    ALL_OR_NONE,
  ),
  u(
    34,
    4987,
    [{ field: 28267, in: ['11'] }],
    { allOrNone: [22073, 23971, 28267, 22075] },
    "I post 29 mangler ett eller flere av feltene 'Forhøyelse av aksjekapital', 'Økning av pålydende per aksje', 'Transaksjonstype' og 'Tidspunkt'.",
    "Item 29 lacks one or more of 'Share capital increase', 'Increase in nominal value per share', 'Transaction type' and 'Time'.",
    ALL_OR_NONE,
  ),
  u(
    35,
    4987,
    [{ field: 28267, in: ['11'] }, { present: 22075 }],
    { anyOf: [22073, 23971, 22076] },
    "Når 'Tidspunkt' er utfylt, må 'Forhøyelse av aksjekapital' eller 'Økning av pålydende per aksje' og/eller 'Forhøyelse av overkurs' fylles ut.",
    "When 'Time' is given, 'Share capital increase' or 'Increase in nominal value per share' and/or 'Share premium increase' must be given.",
  ),
  u(
    36,
    4987,
    [{ field: 28267, in: ['8', '9'] }],
    { allOf: [28216] },
    "Ved fisjon/fusjon ved økning av pålydende må 'Overdragende selskaps org.nr' fylles ut.",
    "For a demerger/merger by higher nominal value, the transferring company's org. no. must be filled in.",
  ),
  u(
    37,
    4987,
    [{ field: 28267, in: ['8', '9'] }],
    { anyOf: [28217, 28218] },
    "Ved fisjon/fusjon ved økning av pålydende må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "For a demerger/merger by higher nominal value, at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  u(
    38,
    4987,
    [{ field: 28267, in: ['11'] }],
    { anyOf: [28217, 28218] },
    "Ved forenklet fusjon må 'Overdragende selskaps ISIN' eller 'Overdragende selskaps aksjeklasse' (eller begge) fylles ut.",
    "For a simplified merger, the transferring company's ISIN or share class (or both) must be filled in.",
  ),
  u(
    39,
    9857,
    [],
    { allOrNone: [37826, 37827, 37828, 37829] },
    "I post 30 mangler ett eller flere av feltene 'Reduksjon av aksjekapital', 'Transaksjonstype', 'Tidspunkt' eller 'Overtakende selskaps org.nr'.",
    "Item 30 lacks one or more of 'Share capital reduction', 'Transaction type', 'Time' or 'Acquiring company's org. no.'.",
    ALL_OR_NONE,
  ),
  u(
    40,
    9857,
    [{ present: 37827 }],
    { anyOf: [37830, 37831] },
    "Når transaksjonstype er fylt ut, må minst ett av feltene 'ISIN' eller 'Aksjeklasse' fylles ut.",
    "When a transaction type is given, at least one of 'ISIN' or 'Share class' must be filled in.",
  ),
  // What real refusals have taught (field-notes.md).
  own(
    'RF1086_TRANSACTION_OUTSIDE_YEAR',
    'avvisning',
    'Tidspunktet ligger utenfor inntektsåret.',
    'The time lies outside the income year.',
    FIELD_NOTES,
    'MTRA_004',
  ),
  {
    code: 'RF1086_FOUNDING_DATE_MISMATCH',
    official: 'MAKS_025',
    consequence: 'avvisning',
    checkedBy: 'skatteetaten',
    note: 'Compares the founding (stiftelse) date with Enhetsregisteret, which is not available offline.',
    message: {
      nb: 'Stiftelsesdatoen stemmer ikke med Enhetsregisteret.',
      en: 'The founding date does not match the Central Coordinating Register.',
    },
    source: FIELD_NOTES,
  },
  // Innsender's own consistency checks (formats.md §3.4), with Skatteetaten's error code where it has one.
  own(
    'RF1086_MAIN_FORM_MISSING',
    'avvisning',
    'Hovedskjemaet mangler.',
    'The main form is missing.',
    ERROR_CODES,
    'GLD_1016',
  ),
  own(
    'RF1086_DUPLICATE_RETURN',
    'innsender-feil',
    'Mer enn ett hovedskjema for samme aksjeklasse.',
    'More than one main form for a share class.',
    FORMATS,
  ),
  own(
    'RF1086_SHAREHOLDER_FORM_UNMATCHED',
    'innsender-feil',
    'Underskjemaet passer ikke til noe hovedskjema.',
    'The shareholder form matches no main form.',
    FORMATS,
  ),
  own(
    'RF1086_NO_SHAREHOLDER_FORMS',
    'avvisning',
    'Oppgaven har ingen underskjema.',
    'The return has no shareholder forms.',
    ERROR_CODES,
    'GLD_1026',
  ),
  own(
    'RF1086_YEAR_MISMATCH',
    'avvisning',
    'Under- og hovedskjema gjelder ulike inntektsår.',
    'The forms are for different income years.',
    ERROR_CODES,
    'GLD_1052',
  ),
  own(
    'RF1086_DUPLICATE_SHAREHOLDER',
    'innsender-feil',
    'Aksjonæren har mer enn ett underskjema.',
    'The shareholder has more than one shareholder form.',
    FORMATS,
  ),
  own(
    'RF1086_SELSKAP_ORGNR_INVALID',
    'avvisning',
    'Ugyldig organisasjonsnummer for selskapet.',
    'Invalid organisation number for the company.',
    FORMATS,
  ),
  own(
    'RF1086_AKSJONAER_ORGNR_INVALID',
    'avvisning',
    'Ugyldig organisasjonsnummer for aksjonæren.',
    'Invalid organisation number for the shareholder.',
    FORMATS,
  ),
  own(
    'RF1086_AKSJONAER_PERSON_ID_INVALID',
    'avvisning',
    'Ugyldig fødselsnummer for aksjonæren.',
    'Invalid identity number for the shareholder.',
    FORMATS,
  ),
  own(
    'RF1086_AKSJONAER_PERSON_ID_SYNTHETIC',
    'innsender-feil',
    'Syntetisk testnummer brukt mot produksjon.',
    'Synthetic test number used against production.',
    FORMATS,
  ),
  own(
    'RF1086_MOTPART_ORGNR_INVALID',
    'avvisning',
    'Ugyldig organisasjonsnummer for motparten.',
    'Invalid organisation number for the counterparty.',
    FORMATS,
  ),
  own(
    'RF1086_MOTPART_PERSON_ID_INVALID',
    'avvisning',
    'Ugyldig fødselsnummer for motparten.',
    'Invalid identity number for the counterparty.',
    FORMATS,
  ),
  own(
    'RF1086_MOTPART_PERSON_ID_SYNTHETIC',
    'innsender-feil',
    'Syntetisk testnummer brukt mot produksjon.',
    'Synthetic test number used against production.',
    FORMATS,
  ),
  own(
    'RF1086_SHARES_SUM_MISMATCH',
    'avvisning',
    'Aksjonærenes aksjer 31.12. stemmer ikke med selskapets.',
    "The shareholders' shares at 31 Dec do not add up to the company's.",
    FORMATS,
  ),
  own(
    'RF1086_SHARES_SUM_PREVIOUS_YEAR_MISMATCH',
    'innsender-advarsel',
    'Aksjonærenes aksjer 1.1. stemmer ikke med selskapets.',
    "The shareholders' shares at 1 Jan do not add up to the company's.",
    FORMATS,
  ),
  own(
    'RF1086_COMPANY_ROLLFORWARD',
    'innsender-advarsel',
    'Selskapets aksjer 1.1. + endringer ≠ aksjer 31.12.',
    "The company's shares at 1 Jan + changes ≠ shares at 31 Dec.",
    FORMATS,
    undefined,
    NOT_PUBLISHED,
  ),
  own(
    'RF1086_SHAREHOLDER_ROLLFORWARD',
    'innsender-advarsel',
    'Aksjonærens aksjer 1.1. + tilgang − avgang ≠ aksjer 31.12.',
    "The shareholder's shares at 1 Jan + acquired − disposed ≠ shares at 31 Dec.",
    FORMATS,
    undefined,
    NOT_PUBLISHED,
  ),
  own(
    'RF1086_SHARE_CAPITAL_MISMATCH',
    'innsender-advarsel',
    'Aksjekapitalen er ikke antall aksjer × pålydende.',
    'The share capital is not shares × nominal value.',
    FORMATS,
    undefined,
    NOT_PUBLISHED,
  ),
  own(
    'RF1086_EVENT_TIME_MISMATCH',
    'avvisning',
    'Tidspunktet finnes ikke på hovedskjemaet.',
    'The time is not on the main form.',
    `${FORMATS} (XSD help text)`,
  ),
  own(
    'RF1086_DIVIDEND_SUM_MISMATCH',
    'innsender-advarsel',
    'Aksjonærenes utbytte summerer ikke til selskapets.',
    "The shareholders' dividends do not add up to the company's.",
    FORMATS,
  ),
  own(
    'RF1086_DIVIDEND_PER_SHARE_MISMATCH',
    'innsender-advarsel',
    'Utbyttet er ikke utbytte per aksje × antall.',
    'The dividend is not dividend per share × shares.',
    FORMATS,
  ),
  own(
    'RF1086_DIVIDEND_NOT_A_NUMBER',
    'avvisning',
    'Utbyttet er ikke et beløp.',
    'The dividend is not an amount.',
    FORMATS,
  ),
  own(
    'RF1086_COMPANY_NOT_PROFILE',
    'innsender-feil',
    'Oppgaven gjelder et annet selskap enn profilen.',
    'The return is for another company than the profile.',
    'main/profiles',
  ),
  own(
    'RF1086_DEADLINE_PASSED',
    'innsender-advarsel',
    'Fristen er passert.',
    'The deadline has passed.',
    'formats.md [S22]',
  ),
] as const satisfies readonly Rf1086Control[];

export type Rf1086ControlCode = (typeof RF1086_CONTROLS)[number]['code'];

export const RF1086_CONTROLS_BY_CODE = controlsByCode<Rf1086Control>(RF1086_CONTROLS);

/** A finding for an RF-1086 control; the code must be a row of the table (checked by the compiler). */
export const rf1086Finding = findingsOf<Rf1086ControlCode>(RF1086_CONTROLS_BY_CODE);

function h(
  n: number,
  group: number,
  when: readonly FieldCondition[],
  require: FieldRequirement,
  nb: string,
  en: string,
  note?: string,
) {
  return fieldRow('hovedskjema', `H${n}`, group, when, require, nb, en, note);
}

function u(
  n: number,
  group: number,
  when: readonly FieldCondition[],
  require: FieldRequirement,
  nb: string,
  en: string,
  note?: string,
) {
  return fieldRow('underskjema', `U${n}`, group, when, require, nb, en, note);
}

function fieldRow(
  form: FieldRule['form'],
  official: string,
  group: number,
  when: readonly FieldCondition[],
  require: FieldRequirement,
  nb: string,
  en: string,
  note?: string,
) {
  const code = `RF1086_VALIDERING_${official.slice(0, 1)}${official.slice(1).padStart(2, '0')}` as const;
  return {
    code,
    official: `Valideringer ${official}`,
    consequence: 'avvisning',
    checkedBy: 'innsender',
    message: { nb, en },
    source: VALIDERINGER,
    fields: { form, group, when, require },
    ...(note ? { note } : {}),
  } as const;
}

function published<C extends string>(code: C, official: string, message: { nb: string; en: string }) {
  return {
    code,
    official: `Valideringer ${official}`,
    consequence: 'avvisning',
    checkedBy: 'innsender',
    message,
    source: VALIDERINGER,
  } as const;
}

function own<C extends string>(
  code: C,
  consequence: Control['consequence'],
  nb: string,
  en: string,
  source: string,
  official?: string,
  note?: string,
) {
  return {
    code,
    consequence,
    checkedBy: 'innsender',
    message: { nb, en },
    source,
    ...(official ? { official } : {}),
    ...(note ? { note } : {}),
  } as const;
}
