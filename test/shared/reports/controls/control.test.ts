import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AMELDING_CONTROLS } from '../../../../shared/reports/amelding/controls';
import {
  controlCoverage,
  controlsByCode,
  severityOf,
  withConsequences,
  type Control,
} from '../../../../shared/reports/controls/control';
import { RF1086_CONTROLS, type Rf1086Control } from '../../../../shared/reports/rf1086/controls';

const TEST_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const testTexts = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testTexts(path);
    return /\.test\.ts$/.test(name) && !path.endsWith('controls/control.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });

const tables: [string, readonly Control[]][] = [
  ['a-melding', AMELDING_CONTROLS],
  ['RF-1086', RF1086_CONTROLS],
];

describe('the controls tables', () => {
  it('map Skatteetaten’s consequences to severities: refusal and "rett straks" block, a guideline warns', () => {
    expect(severityOf('avvisning')).toBe('error');
    expect(severityOf('rett-straks')).toBe('error');
    expect(severityOf('retningslinje')).toBe('warning');
    expect(severityOf('innsender-feil')).toBe('error');
    expect(severityOf('innsender-advarsel')).toBe('warning');
  });

  it('give every finding of a known control the severity of its row', () => {
    const byCode = controlsByCode(AMELDING_CONTROLS);
    const finding = {
      code: 'AMELDING_FOEDSELSDATO_MISMATCH',
      severity: 'error' as const,
      path: '',
      message: { nb: '', en: '' },
    };
    const other = { ...finding, code: 'XSD_INVALID' };
    expect(withConsequences([finding, other], byCode).map((f) => f.severity)).toEqual(['warning', 'error']);
  });

  it.each(tables)(
    '%s: every row has a source and a message in both languages; rows only Skatteetaten checks say why',
    (_, table) => {
      for (const row of table) {
        expect(row.source, row.code).not.toBe('');
        expect(row.message.nb && row.message.en, row.code).toBeTruthy();
        if (row.checkedBy === 'skatteetaten') expect(row.note, row.code).toBeTruthy();
      }
    },
  );

  it.each(tables)('%s: every control Innsender checks has a test that names its code', (_, table) => {
    const texts = testTexts(TEST_DIR);
    const untested = table
      .filter((row) => row.checkedBy === 'innsender' && !(row as Rf1086Control).fields)
      .filter((row) => !texts.some((text) => text.includes(`'${row.code}'`)))
      .map((row) => row.code);
    expect(untested).toEqual([]);
  });

  it('cover the published controls as the README says', () => {
    expect(controlCoverage(AMELDING_CONTROLS)).toEqual({
      published: 19,
      offline: 14,
      skatteetatenOnly: ['180D', '108', '231', '142C', '276'],
    });
    expect(controlCoverage(RF1086_CONTROLS)).toEqual({ published: 91, offline: 90, skatteetatenOnly: ['MAKS_025'] });
  });
});
