import { stringify } from 'csv-stringify/sync';
import type { EmployeeCard, SkattekortAnswer } from './answer';

/**
 * The answer as files a payroll system can import: one CSV row per employee and deduction (an employee with no
 * card gets one row with the result only), or JSON with the same fields. Numbers are plain (dot decimals), the
 * CSV has a header, `;` between fields (what Norwegian spreadsheet and payroll tools expect) and CRLF lines.
 */
export const CSV_COLUMNS = [
  'arbeidsgiver',
  'arbeidstakeridentifikator',
  'inntektsaar',
  'resultatForSkattekort',
  'utstedtDato',
  'skattekortidentifikator',
  'trekkode',
  'type',
  'tabellnummer',
  'prosentsats',
  'antallMaanederForTrekk',
  'frikortbeloep',
  'tilleggsopplysning',
] as const;

export interface ExportRow {
  arbeidsgiver: string;
  arbeidstakeridentifikator: string;
  inntektsaar: string;
  resultatForSkattekort: string;
  utstedtDato: string | null;
  skattekortidentifikator: string | null;
  trekkode: string | null;
  type: string | null;
  tabellnummer: string | null;
  prosentsats: number | null;
  antallMaanederForTrekk: number | null;
  frikortbeloep: number | null;
  tilleggsopplysning: string[];
}

export function exportRows(answer: SkattekortAnswer): ExportRow[] {
  return answer.cards.flatMap((card): ExportRow[] => {
    const base = baseOf(card);
    if (card.trekk.length === 0) {
      return [
        {
          ...base,
          trekkode: null,
          type: null,
          tabellnummer: null,
          prosentsats: null,
          antallMaanederForTrekk: null,
          frikortbeloep: null,
        },
      ];
    }
    return card.trekk.map((t) => ({
      ...base,
      trekkode: t.trekkode,
      type: t.kind,
      tabellnummer: t.tabellnummer ?? null,
      prosentsats: t.prosentsats ?? null,
      antallMaanederForTrekk: t.antallMaanederForTrekk ?? null,
      frikortbeloep: t.frikortbeloep ?? null,
    }));
  });
}

function baseOf(card: EmployeeCard) {
  return {
    arbeidsgiver: card.arbeidsgiver,
    arbeidstakeridentifikator: card.arbeidstakeridentifikator,
    inntektsaar: card.inntektsaar,
    resultatForSkattekort: card.resultatForSkattekort,
    utstedtDato: card.utstedtDato ?? null,
    skattekortidentifikator: card.skattekortidentifikator ?? null,
    tilleggsopplysning: card.tilleggsopplysning,
  };
}

export function answerAsCsv(answer: SkattekortAnswer): string {
  const rows = exportRows(answer).map((r) =>
    CSV_COLUMNS.map((c) => {
      const v = r[c];
      if (v === null) return '';
      return Array.isArray(v) ? v.join('|') : String(v);
    }),
  );
  return stringify([[...CSV_COLUMNS], ...rows], { delimiter: ';', record_delimiter: '\r\n' });
}

export function answerAsJson(answer: SkattekortAnswer): string {
  return `${JSON.stringify({ skattekort: exportRows(answer) }, null, 2)}\n`;
}
