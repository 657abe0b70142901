import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync, randomUUID, X509Certificate } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import forge from 'node-forge';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import { MaskinportenKeys } from '../../../main/keys/maskinporten-keys';
import { readPkcs12 } from '../../../main/keys/pkcs12';
import { KEY_METADATA_FILE } from '../../../main/keys/key-metadata';
import { createGrant } from '../../../main/maskinporten/grant';

const store = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
const PASSWORD = 'Sommer-2026!';
const ORG = '974761076';

/** An RSA-2048 self-signed virksomhetssertifikat and its key, as a password-protected .p12 (3DES, as Buypass ships). */
function enterpriseP12(options: { withKey?: boolean; withCertificate?: boolean } = {}) {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKey = forge.pki.privateKeyFromPem(pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const publicKey = forge.pki.publicKeyFromPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const subject = [
    { name: 'commonName', value: 'EKSEMPEL AS TEST' },
    { name: 'organizationName', value: 'EKSEMPEL AS' },
    { shortName: 'C', value: 'NO' },
    { type: '2.5.4.5', value: ORG },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(
    options.withKey === false ? null : privateKey,
    options.withCertificate === false ? [] : [cert],
    PASSWORD,
    { algorithm: '3des', generateLocalKeyId: options.withCertificate !== false },
  );
  const der = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
  const certificateDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { der, certificateDer };
}

describe('PKCS#12 import of a virksomhetssertifikat (real keychain)', () => {
  let dataDir: string;
  let keys: MaskinportenKeys;

  beforeEach(async () => {
    for (const account of await store.list()) await store.delete(account);
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-p12-'));
    keys = new MaskinportenKeys({ store, dataDir, accountPrefix: 'p1' });
  });
  afterAll(async () => {
    for (const account of await store.list()) await store.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('imports the key into the keychain only, and signs grants whose x5c is the certificate', async () => {
    const { der, certificateDer } = enterpriseP12();
    const record = await keys.importPkcs12(der, PASSWORD);
    expect(record.origin).toBe('certificate');
    expect(record.certificate).toMatchObject({ orgNumber: ORG });
    expect(record.certificate?.x5c).toEqual([certificateDer.toString('base64')]);

    const grant = await createGrant({
      issuer: 'https://test.maskinporten.no/',
      clientId: 'client-1',
      scopes: ['skatteetaten:amelding'],
      signer: await keys.signer(),
      now: new Date(),
    });
    const header = decodeProtectedHeader(grant);
    expect(header.x5c).toEqual([certificateDer.toString('base64')]);
    expect(header.kid).toBeUndefined();
    expect(new X509Certificate(Buffer.from(header.x5c?.[0] ?? '', 'base64')).subject).toContain(`serialNumber=${ORG}`);

    // The private key is in the keychain, and nowhere in the profile's files.
    const secrets = await Promise.all((await store.list()).map((a) => store.get(a)));
    expect(secrets.some((s) => s?.includes('PRIVATE KEY') || s?.includes('"d"'))).toBe(true);
    const metadata = await readFile(join(dataDir, KEY_METADATA_FILE), 'utf8');
    expect(metadata).not.toMatch(/PRIVATE KEY|Sommer-2026/);
  });

  it('says the password is wrong, and stores nothing', async () => {
    const { der } = enterpriseP12();
    const error = await keys.importPkcs12(der, 'feil-passord').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KEY_P12_WRONG_PASSWORD' });
    expect(JSON.stringify(error)).not.toContain('feil-passord');
    expect((error as Error).message).toMatch(/password|passord/i);
    expect(await keys.list()).toEqual([]);
    expect(await store.list()).toEqual([]);
  });

  it('says what is missing when the file has no key or no certificate', async () => {
    expect(() => readPkcs12(enterpriseP12({ withKey: false }).der, PASSWORD)).toThrow(
      expect.objectContaining({ code: 'KEY_P12_INCOMPLETE' }),
    );
    expect(() => readPkcs12(enterpriseP12({ withCertificate: false }).der, PASSWORD)).toThrow(
      expect.objectContaining({ code: 'KEY_P12_INCOMPLETE' }),
    );
    expect(() => readPkcs12(Buffer.from('not a p12'), PASSWORD)).toThrow(
      expect.objectContaining({ code: 'KEY_P12_UNREADABLE' }),
    );
    expect(await store.list()).toEqual([]);
  });
});
