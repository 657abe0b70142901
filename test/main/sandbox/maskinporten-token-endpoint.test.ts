import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorHost } from '../../../main/sandbox/host';
import { createGrant } from '../../../main/maskinporten/grant';
import { readEnterpriseCertificate } from '../../../main/keys/enterprise-certificate';
import { memorySigner, registerClient, startSandbox, VENDOR_ORG } from '../support/maskinporten-sandbox';
import type { GrantSigner } from '../../../main/keys/maskinporten-keys';

const SCOPE = 'skatteetaten:innrapporteringamelding';

describe('the sandbox Maskinporten token endpoint', () => {
  let host: EmulatorHost;
  let issuer: string;
  let clientId: string;
  let signer: GrantSigner;

  beforeAll(async () => {
    ({ host } = await startSandbox());
    issuer = `${host.baseUrl}/maskinporten/`;
    const key = await memorySigner();
    signer = key.signer;
    clientId = await registerClient(host, { scopes: [SCOPE], jwks: [key.material] });
  });
  afterAll(() => host.stop());

  const post = async (assertion: string) => {
    const response = await fetch(`${host.baseUrl}/maskinporten/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const grant = (overrides: Partial<Parameters<typeof createGrant>[0]> = {}) =>
    createGrant({ issuer, clientId, scopes: [SCOPE], signer, now: new Date(), ...overrides });
  /** Hand-built grants for what createGrant never produces. */
  const raw = (
    claims: Record<string, unknown>,
    header: Record<string, unknown> = { kid: signer.kid },
    key = signer.key,
  ) => {
    const iat = Math.floor(Date.now() / 1000);
    return new SignJWT({ aud: issuer, iss: clientId, scope: SCOPE, iat, exp: iat + 60, jti: randomUUID(), ...claims })
      .setProtectedHeader({ alg: 'RS256', ...header })
      .sign(key);
  };

  it('issues a token for a well-formed grant', async () => {
    const { status, body } = await post(await grant());
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 120, scope: SCOPE });
  });

  it.each([
    [
      'a grant signed by another key',
      async () => raw({}, { kid: signer.kid }, (await memorySigner()).signer.key),
      'MP-124',
    ],
    ['an unknown kid', async () => raw({}, { kid: 'not-registered' }), 'MP-124'],
    ['a wrong aud', async () => raw({ aud: 'https://maskinporten.no/' }), 'MP-110'],
    ['an unknown client', async () => raw({ iss: randomUUID() }), 'MP-100'],
    ['exp − iat over 120 s', async () => raw({ exp: Math.floor(Date.now() / 1000) + 121 }), '120 seconds'],
    [
      'an expired grant',
      async () => raw({ iat: Math.floor(Date.now() / 1000) - 300, exp: Math.floor(Date.now() / 1000) - 200 }),
      'MP-130',
    ],
    [
      'an iat in the future',
      async () => raw({ iat: Math.floor(Date.now() / 1000) + 60, exp: Math.floor(Date.now() / 1000) + 90 }),
      'Issue time is after now',
    ],
    ['x5c on a client with registered keys', async () => raw({}, { x5c: ['AAAA'] }), 'MP-123'],
    ['no kid and no x5c', async () => raw({}, {}), 'kid or carry x5c'],
  ])('refuses %s with invalid_grant', async (_name, make, expected) => {
    const { status, body } = await post(await make());
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toContain(expected);
  });

  it('refuses a reused jti (MP-012)', async () => {
    const assertion = await grant();
    expect((await post(assertion)).status).toBe(200);
    expect((await post(assertion)).body).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('MP-012'),
    });
  });

  it('refuses a scope the client does not hold (MP-200)', async () => {
    const { status, body } = await post(await grant({ scopes: [SCOPE, 'skatteetaten:forskudd'] }));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_scope', error_description: expect.stringContaining('MP-200') });
  });

  it('refuses a systembruker that does not exist (MP-303) and malformed authorization_details (MP-301/302)', async () => {
    const unknown = await post(await grant({ systemUser: { orgNumber: VENDOR_ORG } }));
    expect(unknown.body).toMatchObject({
      error: 'invalid_altinn_customer_configuration',
      error_description: expect.stringContaining('MP-303'),
    });
    const wrongType = await post(await raw({ authorization_details: [{ type: 'urn:altinn:other' }] }));
    expect(wrongType.body.error_description).toContain('MP-301');
    const extra = await post(
      await raw({
        authorization_details: [
          {
            type: 'urn:altinn:systemuser',
            systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR_ORG}` },
            extra: 1,
          },
        ],
      }),
    );
    expect(extra.body.error_description).toContain('MP-302');
  });

  it('accepts a virksomhetssertifikat in x5c on a client without keys, and checks its org number (MP-122)', async () => {
    const dir = new URL('../../fixtures/keys/', import.meta.url);
    const chain = await readFile(new URL('enterprise-test-cert.pem', dir), 'utf8');
    const keyPem = await readFile(new URL('enterprise-test-key.pem', dir), 'utf8');
    const { material, certificate } = await readEnterpriseCertificate(chain, keyPem, new Date());
    const certSigner: GrantSigner = {
      kid: material.kid,
      key: await importPKCS8(material.privatePkcs8Pem, 'RS256'),
      header: { x5c: certificate.x5c },
    };
    const certClient = await registerClient(host, { scopes: [SCOPE] });
    const ok = await post(
      await createGrant({ issuer, clientId: certClient, scopes: [SCOPE], signer: certSigner, now: new Date() }),
    );
    expect(ok.status).toBe(200);
    const otherOrgClient = await registerClient(host, { orgNumber: '991825827', scopes: [SCOPE] });
    const wrongOrg = await post(
      await createGrant({ issuer, clientId: otherOrgClient, scopes: [SCOPE], signer: certSigner, now: new Date() }),
    );
    expect(wrongOrg.body.error_description).toContain('MP-122');
  });
});
