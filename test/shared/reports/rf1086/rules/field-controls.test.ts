import { describe, expect, it } from 'vitest';
import { fieldControlRules } from '../../../../../shared/reports/rf1086/rules/field-controls';
import { mainText, setFrom, shareholderText } from '../forms';

// One walk of each form serves all its controls (issue 12: 86 walks per form were most of the rules' time for
// 5,000 shareholder forms). These pin what that walk must keep from the walk per control: each occurrence of a
// group by its place, and a group inside a group of the same id not counted as an occurrence of its own.
const DIVIDEND_GROUP =
  /(\s*)<UtdeltUtbyttePerAksjonar-grp-3991 gruppeid="3991">[\s\S]*?<\/UtdeltUtbyttePerAksjonar-grp-3991>/;
const dividend = (time: string) =>
  '<UtdeltUtbyttePerAksjonar-grp-3991 gruppeid="3991">' +
  '<Aksjeutbytte-datadef-29169 orid="29169">25000</Aksjeutbytte-datadef-29169>' +
  '<AksjerUtbytteAntall-datadef-17742 orid="17742">50</AksjerUtbytteAntall-datadef-17742>' +
  time +
  '</UtdeltUtbyttePerAksjonar-grp-3991>';
const TIME =
  '<AksjerUtbytteTidspunkt-datadef-17769 orid="17769">2025-06-15T12:00:00</AksjerUtbytteTidspunkt-datadef-17769>';

const u07 = (shareholder: string) =>
  fieldControlRules(setFrom(mainText(), shareholder), { environment: 'test', today: '2026-01-10' }).filter(
    (f) => f.code === 'RF1086_VALIDERING_U07',
  );

describe('RF-1086 field controls', () => {
  it('name the second of two groups by its index and line when only that one fails (row U7, all or none)', () => {
    const shareholder = shareholderText().replace(
      DIVIDEND_GROUP,
      (_, indent: string) => `${indent}${dividend(TIME)}${indent}${dividend('')}`,
    );
    const line = shareholder.split('\n').findIndex((l) => l.includes(dividend(''))) + 1;
    const findings = u07(shareholder);
    expect(findings.map((f) => [f.path, f.line, f.file])).toEqual([
      [
        'Skjema/AntallAksjerUtbytteOgTilbakebetalingAvTidligereInnbetaltKapit-grp-3990[1]/UtdeltUtbyttePerAksjonar-grp-3991[2]',
        line,
        'u1.xml',
      ],
    ]);
  });

  it('read a group inside a group of the same id as part of the outer one, not as an occurrence', () => {
    const nested = dividend(TIME).replace(TIME, `${TIME}${dividend('')}`);
    expect(u07(shareholderText().replace(DIVIDEND_GROUP, (_, indent: string) => `${indent}${nested}`))).toEqual([]);
    const failing = dividend('').replace(
      '</UtdeltUtbyttePerAksjonar-grp-3991>',
      `${dividend('')}</UtdeltUtbyttePerAksjonar-grp-3991>`,
    );
    expect(
      u07(shareholderText().replace(DIVIDEND_GROUP, (_, indent: string) => `${indent}${failing}`)).map((f) => f.path),
    ).toEqual([
      'Skjema/AntallAksjerUtbytteOgTilbakebetalingAvTidligereInnbetaltKapit-grp-3990[1]/UtdeltUtbyttePerAksjonar-grp-3991[1]',
    ]);
  });
});
