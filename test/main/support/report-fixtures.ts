import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'reports');
export const fixtureText = (name: string) => readFileSync(join(dir, name), 'utf8');

/** The a-melding fixture as the JSON body, with its own meldingsId (and any other leveranse fields changed). */
export function aMeldingBody(meldingsId: string, change: Record<string, unknown> = {}): string {
  const json = JSON.parse(fixtureText('amelding-example.json')) as { leveranse: Record<string, unknown> };
  return JSON.stringify({ leveranse: { ...json.leveranse, meldingsId, ...change } });
}

export const rf1086Return = () => ({
  inntektsaar: '2025',
  hovedskjema: fixtureText('rf1086-hovedskjema-example.xml'),
  underskjemaer: [fixtureText('rf1086-underskjema-example.xml')],
});
