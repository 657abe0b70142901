import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { createGrant } from '../../../main/maskinporten/grant';
import { memorySigner } from '../support/maskinporten-sandbox';

describe('createGrant', () => {
  it('builds the RFC 7523 grant with systembruker authorization_details (altinn-auth.md §1–2)', async () => {
    const { signer } = await memorySigner();
    const now = new Date('2026-03-01T10:00:00Z');
    const jwt = await createGrant({
      issuer: 'https://test.maskinporten.no/',
      clientId: 'client-1',
      scopes: ['skatteetaten:innrapporteringamelding'],
      signer,
      now,
      lifetimeSeconds: 600,
      systemUser: { orgNumber: '974761076', externalRef: 'ref-1' },
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT', kid: signer.kid });
    const claims = decodeJwt(jwt);
    expect(claims).toMatchObject({
      aud: 'https://test.maskinporten.no/',
      iss: 'client-1',
      scope: 'skatteetaten:innrapporteringamelding',
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 120,
      authorization_details: [
        {
          type: 'urn:altinn:systemuser',
          systemuser_org: { authority: 'iso6523-actorid-upis', ID: '0192:974761076' },
          externalRef: 'ref-1',
        },
      ],
    });
    const second = decodeJwt(await createGrant({ issuer: 'x', clientId: 'c', scopes: ['a:b'], signer, now }));
    expect(second.jti).not.toBe(claims.jti);
    expect(second.authorization_details).toBeUndefined();
  });

  it('carries x5c instead of kid for a certificate', async () => {
    const { signer } = await memorySigner();
    const jwt = await createGrant({
      issuer: 'x',
      clientId: 'c',
      scopes: ['a:b'],
      signer: { ...signer, header: { x5c: ['MIIB'] } },
      now: new Date(),
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT', x5c: ['MIIB'] });
  });
});
