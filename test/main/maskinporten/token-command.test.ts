import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { runTokenCommand } from '../../../main/maskinporten/token-command';
import { AppError } from '../../../shared/domain/app-error';

const SCOPE = 'skatteetaten:innrapporteringamelding';

async function fakeToken() {
  return new SignJWT({
    scope: SCOPE,
    client_id: 'c1',
    consumer: { authority: 'iso6523-actorid-upis', ID: '0192:974761076' },
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(new TextEncoder().encode('x'.repeat(32)));
}

describe('runTokenCommand', () => {
  it('prints expiry and scopes, and the token only with --print-token', async () => {
    const value = await fakeToken();
    const tokens = {
      tokenForScopes: async () => ({ value, expiresAt: new Date('2026-01-01T00:02:00Z'), scopes: [SCOPE], kid: 'k1' }),
    };
    const quiet: string[] = [];
    expect(await runTokenCommand({ tokens, scopes: [SCOPE], write: (l) => quiet.push(l), language: 'en' })).toBe(0);
    expect(quiet.join('\n')).toContain('Expires: 2026-01-01T00:02:00.000Z');
    expect(quiet.join('\n')).toContain(`Scopes: ${SCOPE}`);
    expect(quiet.join('\n')).toContain('974761076');
    expect(quiet.join('\n')).not.toContain(value);
    const loud: string[] = [];
    await runTokenCommand({ tokens, scopes: [SCOPE], printToken: true, write: (l) => loud.push(l) });
    expect(loud).toContain(value);
  });

  it('prints the typed error and exits 1', async () => {
    const tokens = {
      tokenForScopes: async () => {
        throw new AppError('MASKINPORTEN_SYSTEMUSER_NOT_FOUND', { nb: 'Ingen systembruker.', en: 'No system user.' }, [
          'MP-303',
        ]);
      },
    };
    const lines: string[] = [];
    expect(await runTokenCommand({ tokens, scopes: [SCOPE], write: (l) => lines.push(l) })).toBe(1);
    expect(lines).toEqual(['MASKINPORTEN_SYSTEMUSER_NOT_FOUND: Ingen systembruker.', '  MP-303']);
  });
});
