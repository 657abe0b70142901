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
