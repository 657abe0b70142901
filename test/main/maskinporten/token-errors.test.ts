import { describe, expect, it } from 'vitest';
import { tokenError, type TokenErrorContext } from '../../../main/maskinporten/token-errors';

const BOLIGSELSKAP = 'skatteetaten:innrapporteringboligselskap';
const context: TokenErrorContext = {
  clientId: 'client-1',
  scopes: [BOLIGSELSKAP],
  systemUserOrg: '314259521',
  kid: 'kid-1',
  receivedAt: new Date('2026-01-25T12:00:00Z'),
};

// MP-303's name and its causes: altinn-auth.md §2.4 (Altinn/altinn-studio-docs …/errors/mp-303-error/_index.en.md;
// felleslosninger/docs _docs/Maskinporten/maskinporten_feilsoking.md: "Invalid authorization details values").
const mp303 = (why: string) =>
  ({
    kind: 'oauth-error',
    status: 400,
    error: 'invalid_altinn_customer_configuration',
    description: `Invalid authorization details values: ${why} (MP-303)`,
  }) as const;

describe('a Maskinporten refusal names its cause first', () => {
  it('MP-303 naming a requested scope: the service not granted is the headline, the generic code second', () => {
    const error = tokenError(mp303(`the system user is not given access for ${BOLIGSELSKAP}`), context);
    expect(error.code).toBe('MASKINPORTEN_SERVICE_NOT_GRANTED');
    expect(error.localized.nb).toMatch(
      /^MP-303: Systembrukeren for 314259521 har ikke fått tjenesten Tredjepartsopplysninger: boligselskap .*\(skatteetaten:innrapporteringboligselskap\)\. Legg den til under Oppsett, steg 3/,
    );
    expect(error.localized.en).toMatch(/^MP-303: The systembruker for 314259521 has not been given the service /);
    expect(error.details).toEqual([
      'MASKINPORTEN_SYSTEMUSER_NOT_FOUND (MP-303)',
      `Invalid authorization details values: the system user is not given access for ${BOLIGSELSKAP} (MP-303)`,
    ]);
  });

  it('MP-303 without a scope in it stays "no approved systembruker", with Maskinporten’s words in the details', () => {
    const error = tokenError(mp303('no approved system user for org 314259521'), context);
    expect(error.code).toBe('MASKINPORTEN_SYSTEMUSER_NOT_FOUND');
    expect(error.details?.[0]).toContain('no approved system user for org 314259521');
  });
});
