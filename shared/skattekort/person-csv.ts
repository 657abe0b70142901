import { parse } from 'csv-parse/sync';
import { AppError } from '../domain/app-error';
import { looksLikePersonId, type RawPerson } from './persons';

const ID_HEADER =
  /f(?:ø|o|oe)dselsnummer|^fnr$|d-?nummer|personnummer|identifikator|^ident|arbeidstaker|national.?id|^id$/i;
const NAME_HEADER = /navn|name/i;

/**
 * Reads a list of employees from CSV, tolerantly: with or without a header, `;` or `,` (or tab) between fields,
 * a BOM, blank lines and ragged rows. The id column is the one whose header names it (fødselsnummer, fnr,
 * D-nummer …), else the first column where most rows hold 11 digits. A name column is used when the header
 * has one. Every row with something in the id column is returned, valid or not, so the user sees what was wrong.
 */
export function personsFromCsv(text: string): RawPerson[] {
  const content = text.replace(/^\uFEFF/, '');
  const firstLine = content.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const delimiter = [';', '\t', ','].reduce(
    (best, d) => (count(firstLine, d) > count(firstLine, best) ? d : best),
    ';',
  );
  let rows: { record: string[]; line: number }[];
  try {
    rows = (
      parse(content, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        trim: true,
        info: true,
      }) as unknown as { record: string[]; info: { lines: number } }[]
    ).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (error) {
    throw new AppError('SKATTEKORT_CSV_UNREADABLE', {
      nb: `Fila kunne ikke leses som CSV: ${(error as Error).message}`,
      en: `The file could not be read as CSV: ${(error as Error).message}`,
    });
  }
  if (rows.length === 0) return [];
  const header = rows[0]?.record ?? [];
  // A first row with no number-like cell is a header ("Navn;Fødselsnummer"); one with numbers is data.
  const headerHasIds = header.some((cell) => /^[\d\s.\u00a0-]{6,}$/.test(cell));
  let idColumn = headerHasIds ? -1 : header.findIndex((h) => ID_HEADER.test(h));
  const nameColumn = headerHasIds ? -1 : header.findIndex((h) => NAME_HEADER.test(h));
  const body = headerHasIds ? rows : rows.slice(1);
  if (idColumn < 0) {
    const width = Math.max(...rows.map((r) => r.record.length));
    let bestHits = 0;
    for (let c = 0; c < width; c++) {
      const hits = body.filter((r) => looksLikePersonId(r.record[c] ?? '')).length;
      if (hits > bestHits) [idColumn, bestHits] = [c, hits];
    }
  }
  if (idColumn < 0) {
    throw new AppError('SKATTEKORT_CSV_NO_ID_COLUMN', {
      nb: 'Fant ingen kolonne med fødselsnummer eller D-nummer (11 siffer) i fila.',
      en: 'Found no column with national identity numbers or D numbers (11 digits) in the file.',
    });
  }
  return body.flatMap(({ record, line }) => {
    const id = record[idColumn]?.trim() ?? '';
    if (!id) return [];
    const name = nameColumn >= 0 ? record[nameColumn]?.trim() : undefined;
    return [{ id, line, ...(name ? { name } : {}) }];
  });
}

function count(line: string, char: string): number {
  return line.split(char).length - 1;
}
