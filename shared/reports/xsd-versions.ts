import { error, type Finding } from './finding';

/**
 * Every XSD Innsender ships in `assets/schemas/`, one row per published version: the one source of truth for
 * which file a check uses, what the result says was used (`XsdUsed`) and which RF-1086 versions are known.
 * Where each file comes from (URL, commit, SHA-256, income year) is in `assets/schemas/PROVENANCE.md`;
 * `npm run schemas:check` compares Skatteetaten's published files with it.
 *
 * RF-1086 forms have no namespace (Altinn 2 / Oppgaveregisteret style): a form names its version by the
 * `spesifikasjonsnummer` on its root `<Skjema>`, which each XSD fixes, so the form's own number picks the file.
 */
export const XSD_VERSIONS = {
  amelding_v2_2: { file: 'amelding_v2_2.xsd', label: 'a-melding v2_2' },
  amelding_v2_3: { file: 'amelding_v2_3.xsd', label: 'a-melding v2_3' },
  rf1086_hovedskjema_12144: {
    file: 'aksjonaerregisteroppgaveHovedskjema-12144.xsd',
    label: 'RF-1086 hovedskjema 12144',
    rf1086: { form: 'hovedskjema', skjemanummer: '890', spesifikasjonsnummer: '12144' },
  },
  rf1086_underskjema_12146: {
    file: 'aksjonaerregisteroppgaveUnderskjema-12146.xsd',
    label: 'RF-1086 underskjema 12146',
    rf1086: { form: 'underskjema', skjemanummer: '923', spesifikasjonsnummer: '12146' },
  },
  rf1086_underskjema_12232: {
    file: 'aksjonaerregisteroppgaveUnderskjema-12232.xsd',
    label: 'RF-1086 underskjema 12232',
    rf1086: { form: 'underskjema', skjemanummer: '923', spesifikasjonsnummer: '12232' },
  },
} as const;

export type XsdUsed = keyof typeof XSD_VERSIONS;
export const XSD_IDS = Object.keys(XSD_VERSIONS) as [XsdUsed, ...XsdUsed[]];

type Rf1086Form = 'hovedskjema' | 'underskjema';
const FORM_NAMES: Record<Rf1086Form, { nb: string; en: string; skjemanummer: string }> = {
  hovedskjema: { nb: 'Hovedskjemaet', en: 'The main form', skjemanummer: '890' },
  underskjema: { nb: 'Underskjemaet', en: 'The shareholder form', skjemanummer: '923' },
};

/** The spesifikasjonsnummer Innsender has an XSD for, per RF-1086 form, in the table's order (oldest first). */
export function knownRf1086Versions(form: Rf1086Form): string[] {
  return Object.values(XSD_VERSIONS).flatMap((v) =>
    'rf1086' in v && v.rf1086.form === form ? [v.rf1086.spesifikasjonsnummer] : [],
  );
}

export type Rf1086XsdChoice = { ok: true; xsd: XsdUsed } | { ok: false; finding: Finding };

/**
 * The XSD for an RF-1086 form by its own spesifikasjonsnummer. A form without one is checked against the newest
 * version, whose XSD then reports the missing required attribute; an unknown number is refused, never validated
 * against a neighbouring version (every published XSD fixes its number, so that would only say "wrong number").
 */
export function rf1086XsdFor(form: Rf1086Form, spesifikasjonsnummer: string | undefined): Rf1086XsdChoice {
  const rows = (Object.entries(XSD_VERSIONS) as [XsdUsed, (typeof XSD_VERSIONS)[XsdUsed]][]).filter(
    ([, v]) => 'rf1086' in v && v.rf1086.form === form,
  );
  const number = spesifikasjonsnummer?.trim();
  if (!number) return { ok: true, xsd: rows[rows.length - 1]![0] };
  const row = rows.find(([, v]) => 'rf1086' in v && v.rf1086.spesifikasjonsnummer === number);
  if (row) return { ok: true, xsd: row[0] };
  const known = knownRf1086Versions(form).join(', ');
  const name = FORM_NAMES[form];
  return {
    ok: false,
    finding: error(
      'RF1086_XSD_VERSION_UNKNOWN',
      'Skjema/@spesifikasjonsnummer',
      `${name.nb} oppgir spesifikasjonsnummer ${number}, som Innsender ikke har XSD for. Kjente versjoner for skjemanummer ${name.skjemanummer}: ${known}. Strukturen er ikke kontrollert. Sjekk nummeret, eller oppdater Innsender hvis Skatteetaten har publisert en ny versjon.`,
      `${name.en} declares spesifikasjonsnummer ${number}, which Innsender has no XSD for. Known versions for skjemanummer ${name.skjemanummer}: ${known}. The structure was not checked. Check the number, or update Innsender if Skatteetaten has published a new version.`,
    ),
  };
}

/** The name a person reads for an XSD ("RF-1086 underskjema 12232"); the same in both languages. */
export function xsdLabel(xsd: XsdUsed): string {
  return XSD_VERSIONS[xsd].label;
}
