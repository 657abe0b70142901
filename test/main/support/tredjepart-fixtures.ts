import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SchemeId } from '../../../shared/tredjepart/schemes';

const FIXTURES = join(__dirname, '../../fixtures/tredjepart');

/**
 * A fixture melding as plain JSON that tests break one field at a time. Typed loosely on purpose: the tests reach
 * deep into Skatteetaten's unpublished shapes to make each check fail, which a strict type would only get in the way of.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type FixtureJson = Record<string, any>;

/** The scheme's example melding (test/fixtures/tredjepart/<scheme>.json), freshly parsed. */
export function tredjepartFixture(scheme: SchemeId): FixtureJson {
  return JSON.parse(readFileSync(join(FIXTURES, `${scheme}.json`), 'utf8')) as FixtureJson;
}

/** The example melding, changed by `mutate`, as the body a client would send. */
export function tredjepartBody(scheme: SchemeId, mutate: (m: FixtureJson) => void = () => undefined): string {
  const melding = tredjepartFixture(scheme);
  mutate(melding);
  return JSON.stringify(melding);
}

/**
 * An aksjesparekonto melding over the JSON API's 10 MB (what goes through the TPO file reception): the fixture
 * (Skatteetaten's example, Skatteetaten/api-dokumentasjon docs/api/innrapportering-aksjesparekonto.md @ 11f2ca86) with its second account repeated under new account numbers, and the summary to match.
 */
export function largeAksjesparekontoMelding(
  minBytes: number,
  reference: string,
): { body: string; antallOppgaver: number } {
  const melding = tredjepartFixture('aksjesparekonto');
  const template = melding.leveranse.oppgave[1];
  const size = JSON.stringify(template).length;
  const count = Math.ceil(minBytes / size) + 10;
  melding.leveranse.oppgave = Array.from({ length: count }, (_, i) => ({
    ...template,
    aksjesparekonto: { ...template.aksjesparekonto, kontonummer: String(100000000000 + i) },
  }));
  melding.leveranse.oppgavegiversLeveranseReferanse = reference;
  melding.leveranse.oppgaveoppsummering = {
    antallOppgaver: count,
    sumInngangsverdi: String(10 * count),
    sumInnskudd: String(10000 * count),
    sumUttak: '0',
    sumUbenyttetSkjerming: String(10 * count),
    sumAnvendtSkjerming: '0',
    sumSkattepliktigGevinstTap: '0',
    sumFormuesverdiKontantdel: String(4000 * count),
  };
  const body = JSON.stringify(melding);
  if (body.length <= minBytes) throw new Error('the melding came out too small');
  return { body, antallOppgaver: count };
}
