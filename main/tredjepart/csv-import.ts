import { parse } from 'csv-parse/sync';
import { fieldValues } from '../../shared/tredjepart/leveranse';
import { schemeById, type SchemeId } from '../../shared/tredjepart/schemes';

/**
 * A spreadsheet's CSV (one row per oppgave) made into the melding JSON the API takes, so a small business can
 * produce a tredjepart file from Excel. Columns are the oppgave's fields as dotted paths (`boenhet.andelsnummer`),
 * or the short names `foedselsnummer`, `organisasjonsnummer`, `navn` for the owner; `;` or `,` separated; decimal
 * commas are read as points. The envelope comes from the profile (its org is the oppgavegiver) and the income
 * year the user gives; the oppgaveoppsummering is computed from the rows, since a spreadsheet has no place for it.
 * The result is checked like any JSON file, so a wrong cell is named at its oppgave's path.
 */
export interface CsvEnvelope {
  inntektsaar: string;
  oppgavegiver: string;
  kontaktNavn: string;
}

const OWNER_ALIASES: Record<string, string> = {
  foedselsnummer: 'oppgaveeier.foedselsnummer',
  fødselsnummer: 'oppgaveeier.foedselsnummer',
  organisasjonsnummer: 'oppgaveeier.organisasjonsnummer',
  navn: 'oppgaveeier.navn',
};

/** Fields the examples send as JSON numbers (whole numbers); everything else stays a string. */
const NUMERIC = new Set([
  'eierandel.eierandelTeller',
  'eierandel.eierandelNevner',
  'boenhet.aksjeboenhetsnummer',
  'matrikkelnummer.gaardsnummer',
  'matrikkelnummer.bruksnummer',
  'matrikkelnummer.festenummer',
  'matrikkelnummer.seksjonsnummer',
]);
const BOOLEAN = new Set(['bruksoverlatt']);

export class CsvImportError extends Error {}

const AMOUNTS_AS_NUMBERS: ReadonlySet<SchemeId> = new Set(['boligselskap', 'boligsameie', 'skattefrieutbetalinger']);

export function csvToMelding(text: string, scheme: SchemeId, envelope: CsvEnvelope): string {
  const def = schemeById(scheme);
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = header.includes(';') ? ';' : ',';
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, delimiter, bom: true, skip_empty_lines: true, trim: true });
  } catch (thrown) {
    throw new CsvImportError((thrown as Error).message);
  }
  const amountFields = new Set(def.amounts.map((a) => a.field));
  // The housing and skattefrie utbetalinger examples send amounts as JSON numbers, the others as strings: follow
  // each scheme's example.
  const amountsAsNumbers = AMOUNTS_AS_NUMBERS.has(def.id);
  const oppgave = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [column, raw] of Object.entries(row)) {
      const path = OWNER_ALIASES[column.trim()] ?? column.trim();
      if (!path || raw === '') continue;
      let value: unknown = raw;
      if (amountFields.has(path)) {
        const decimal = raw.replace(/\s/g, '').replace(',', '.');
        value = amountsAsNumbers && /^-?\d+$/.test(decimal) ? Number(decimal) : decimal;
      } else if (NUMERIC.has(path) && /^\d+$/.test(raw)) value = Number(raw);
      else if (BOOLEAN.has(path)) value = /^(ja|true|1|yes)$/i.test(raw);
      setPath(out, path.split('.'), value);
    }
    return out;
  });
  const oppgaveoppsummering: Record<string, unknown> = { antallOppgaver: oppgave.length };
  for (const amount of def.amounts) {
    const total = oppgave.reduce(
      (sum, o) => fieldValues(o, amount.field).reduce((inner, found) => inner + cents(found.value), sum),
      0n,
    );
    const text = `${total < 0n ? '-' : ''}${(total < 0n ? -total : total) / 100n}${total % 100n !== 0n ? `.${String((total < 0n ? -total : total) % 100n).padStart(2, '0')}` : ''}`;
    oppgaveoppsummering[amount.sum] = amountsAsNumbers && total % 100n === 0n ? Number(total / 100n) : text;
  }
  const leveranse = {
    inntektsaar: envelope.inntektsaar,
    leveransetype: 'ordinaer',
    kildesystem: 'Innsender (CSV)',
    oppgavegiver: { organisasjonsnummer: envelope.oppgavegiver, kontaktinformasjon: { navn: envelope.kontaktNavn } },
    oppgaveoppsummering,
    oppgave,
  };
  return `${JSON.stringify({ leveranse }, null, 2)}\n`;
}

/** Øre of an amount cell; anything unreadable counts 0 here and is named by the checks at its own path. */
function cents(value: unknown): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(value ?? ''));
  if (!m) return 0n;
  const v = BigInt(m[2] as string) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -v : v;
}

/**
 * A column's path names the oppgave's own fields. `__proto__`, `constructor` and `prototype` would walk into (and
 * write onto) Object.prototype for the whole main process, so a column naming one is refused, as is an empty part.
 */
const NOT_A_FIELD = new Set(['__proto__', 'constructor', 'prototype']);

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  if (keys.some((key) => key === '' || NOT_A_FIELD.has(key))) {
    throw new CsvImportError(`the column "${keys.join('.')}" does not name a field of the oppgave`);
  }
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys.at(-1) as string] = value;
}
