import { describe, expect, it } from 'vitest';
import type { Rf1086Hovedskjema, Rf1086Underskjema } from '../../../../shared/reports/rf1086/model';
import { groupRf1086Forms, sameShareClass, type Rf1086Set } from '../../../../shared/reports/rf1086/returns';
import { formFrom, mainText, shareholderText } from './forms';

/** The grouping as the rule reads: the first main form of a share class owns it; every form goes to its owner. */
function reference(mains: Rf1086Hovedskjema[], shareholders: Rf1086Underskjema[]): Rf1086Set {
  const returns: Rf1086Set['returns'] = [];
  const duplicateMains: Rf1086Hovedskjema[] = [];
  for (const main of mains) {
    if (returns.some((r) => sameShareClass(r.main, main))) duplicateMains.push(main);
    else returns.push({ main, shareholders: [] });
  }
  const unmatched: Rf1086Underskjema[] = [];
  for (const form of shareholders) {
    const owner = returns.find((r) => sameShareClass(r.main, form));
    if (owner) owner.shareholders.push(form);
    else unmatched.push(form);
  }
  return { returns, duplicateMains, unmatched };
}

const ORGS = ['314259521', '999888777', '310000009'];
const CLASSES = ['Ordinære aksjer', 'A-aksjer', 'ordinære aksjer '];
const ISIN = '<EnhetISINNummer-datadef-17513 orid="17513">NO0010000001</EnhetISINNummer-datadef-17513>';

/** A form of the example with its company, share class and (optionally) an ISIN changed. */
function variant(text: string, org: string, shareClass: string, isin: boolean): string {
  const edited = text.replace('314259521', org).replace('Ordinære aksjer', shareClass);
  return isin ? edited.replace('<AksjeType-datadef-17659', `${ISIN}<AksjeType-datadef-17659`) : edited;
}

describe('groupRf1086Forms', () => {
  it('groups many companies’ forms as matching each form against every return would, by company first', () => {
    const mains: Rf1086Hovedskjema[] = [];
    const shareholders: Rf1086Underskjema[] = [];
    for (let i = 0; i < 60; i++) {
      const [org, shareClass, isin] = [ORGS[i % 3]!, CLASSES[Math.floor(i / 3) % 3]!, i % 7 === 0];
      if (i % 4 === 0)
        mains.push(formFrom(variant(mainText(), org, shareClass, isin), `h${i}.xml`) as Rf1086Hovedskjema);
      shareholders.push(
        formFrom(variant(shareholderText(), org, shareClass, i % 5 === 0), `u${i}.xml`) as Rf1086Underskjema,
      );
    }
    // A shareholder form for a company with no main form at all.
    shareholders.push(
      formFrom(variant(shareholderText(), '123456785', 'A-aksjer', false), 'lost.xml') as Rf1086Underskjema,
    );
    const grouped = groupRf1086Forms(mains, shareholders);
    expect(grouped).toEqual(reference(mains, shareholders));
    // The set has every outcome: returns with forms, a second main form for a class, forms with no main form.
    expect(grouped.returns.filter((r) => r.shareholders.length > 0).length).toBeGreaterThan(2);
    expect(grouped.duplicateMains.length).toBeGreaterThan(0);
    expect(grouped.unmatched.length).toBeGreaterThan(0);
  });
});
