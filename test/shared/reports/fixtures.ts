import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAMeldingXml } from '../../../shared/reports/amelding/from-xml';
import type { Leveranse } from '../../../shared/reports/amelding/model';
import type { AMeldingRuleContext } from '../../../shared/reports/amelding/rules/rule-context';
import { parseXml } from '../../../shared/reports/xml/parse-xml';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));

export function fixturePath(name: string): string {
  return FIXTURES + name;
}

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

/** Writes files into a fresh temp folder of its own; returns each file's path. */
export function tempFiles(prefix: string): (name: string, content: string | Uint8Array) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}

/** The constructed example from formats.md §1.5 as a model; each call gives a fresh copy to mutate. */
export function exampleLeveranse(): Leveranse {
  const parsed = parseXml(fixtureText('amelding-example-v2_2.xml'));
  if (!parsed.ok) throw new Error('fixture does not parse');
  const read = readAMeldingXml(parsed.root);
  if (!read.ok || !read.complete) throw new Error('fixture does not read');
  return read.document.leveranse;
}

export const testContext: AMeldingRuleContext = { environment: 'test', today: '2026-01-25', source: 'xml' };
