import type { Rf1086Form, Rf1086Hovedskjema, Rf1086Underskjema } from '../../../../shared/reports/rf1086/model';
import { readRf1086Xml } from '../../../../shared/reports/rf1086/from-xml';
import { groupRf1086Forms, type Rf1086Set } from '../../../../shared/reports/rf1086/returns';
import { parseXml } from '../../../../shared/reports/xml/parse-xml';
import { fixtureText } from '../fixtures';

export function formFrom(text: string, file: string): Rf1086Form {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.finding.message.en);
  const read = readRf1086Xml(parsed.root, file);
  if (!read.ok) throw new Error(read.finding.message.en);
  return read.form;
}

export const mainText = () => fixtureText('rf1086-hovedskjema-example.xml');
export const shareholderText = () => fixtureText('rf1086-underskjema-example.xml');

/** A set from (edited copies of) the spec examples. */
export function setFrom(main: string, ...shareholders: string[]): Rf1086Set {
  return groupRf1086Forms(
    [formFrom(main, 'h.xml') as Rf1086Hovedskjema],
    shareholders.map((s, i) => formFrom(s, `u${i + 1}.xml`) as Rf1086Underskjema),
  );
}

/** Splits the example shareholder's 100 shares and 50 000 dividend over two shareholders. */
export function twoShareholders(): [string, string] {
  const half = (text: string) => text.replace(/>100</g, '>50<').replace('>50000<', '>25000<');
  const first = half(shareholderText());
  const second = half(shareholderText()).replace('26829398612', '08842199736');
  return [first, second];
}
