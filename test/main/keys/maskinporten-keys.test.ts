import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import { MaskinportenKeys } from '../../../main/keys/maskinporten-keys';
import { MAX_SECRET_BYTES } from '../../../main/keys/key-store';

const store = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
const fixture = (name: string) => readFile(new URL(`../../fixtures/keys/${name}`, import.meta.url), 'utf8');

describe('MaskinportenKeys (real keychain)', () => {
  let dataDir: string;
  let now: Date;
  let keys: MaskinportenKeys;

  beforeEach(async () => {
    for (const account of await store.list()) await store.delete(account);
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-keys-'));
    now = new Date('2026-01-10T12:00:00Z');
    keys = new MaskinportenKeys({ store, dataDir, accountPrefix: 'p1', now: () => now });
  });
  afterAll(async () => {
    for (const account of await store.list()) await store.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('generates an RSA-2048 key: private half only in the keychain, kid = RFC 7638 thumbprint', async () => {
    const record = await keys.generate();
    expect(record.status).toBe('pending');
    expect(record.kid).toBe(await calculateJwkThumbprint({ kty: 'RSA', n: record.publicJwk.n, e: record.publicJwk.e }));
    expect(record.publicJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: record.kid });
    const pem = await store.get(`p1:${record.kid}`);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(Buffer.byteLength(pem ?? '')).toBeLessThanOrEqual(MAX_SECRET_BYTES);
    expect(createPrivateKey(pem ?? '').asymmetricKeyDetails?.modulusLength).toBe(2048);
    const metadata = await readFile(join(dataDir, 'maskinporten-keys.json'), 'utf8');
    expect(metadata).not.toContain((pem ?? '').split('\n')[3]);
    expect(metadata).not.toMatch(/"d"|PRIVATE/);
    expect(await keys.publicJwks()).toEqual({ keys: [record.publicJwk] });
    expect(JSON.parse(await keys.publicJwkForPortal(record.kid))).toEqual([record.publicJwk]);
    const signer = await keys.signer();
    expect(signer.header).toEqual({ kid: record.kid });
    expect(signer.key.extractable).toBe(false);
  });

  it('rotates: the old key signs until the new one is confirmed, and retires only with a successor', async () => {
    const first = await keys.generate();
    await keys.markRegistered(first.kid);
    await expect(keys.retire(first.kid)).rejects.toMatchObject({ code: 'KEY_RETIRE_WITHOUT_SUCCESSOR' });
    now = new Date('2026-06-01T12:00:00Z');
    const second = await keys.generate();
    expect((await keys.signer()).kid).toBe(first.kid);
    expect((await keys.publicJwks()).keys.map((k) => k.kid)).toEqual([first.kid, second.kid]);
    await keys.markRegistered(second.kid);
    expect((await keys.signer()).kid).toBe(second.kid);
    const retired = await keys.retire(first.kid);
    expect(retired.status).toBe('retired');
    expect(await store.get(`p1:${first.kid}`)).toBeNull();
    expect((await keys.publicJwks()).keys.map((k) => k.kid)).toEqual([second.kid]);
  });

  it('imports PKCS#8 and PKCS#1 PEM and private JWKs, and refuses what Maskinporten would not take', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const imported = await keys.importPem(pkcs1);
    expect(imported.origin).toBe('imported');
    await expect(keys.importPem(pkcs1)).rejects.toMatchObject({ code: 'KEY_ALREADY_PRESENT' });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    expect((await keys.importJwk(other as Record<string, unknown>)).origin).toBe('imported');
    const { d: _d, ...publicOnly } = other;
    await expect(keys.importJwk(publicOnly as Record<string, unknown>)).rejects.toMatchObject({
      code: 'KEY_NOT_PRIVATE',
    });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expect(keys.importPem(ec)).rejects.toMatchObject({ code: 'KEY_UNSUPPORTED' });
    const big = generateKeyPairSync('rsa', { modulusLength: 4096 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expect(keys.importPem(big)).rejects.toMatchObject({ code: 'KEY_TOO_LARGE' });
    await expect(keys.importPem('not a key')).rejects.toMatchObject({ code: 'KEY_UNREADABLE' });
  });

  it('imports a virksomhetssertifikat whose chain goes in x5c', async () => {
    now = new Date('2027-06-01T09:00:00Z'); // inside the fixture certificate's validity (2026-11-23 to 2036-11-20)
    const record = await keys.importCertificate(
      await fixture('enterprise-test-cert.pem'),
      await fixture('enterprise-test-key.pem'),
    );
    expect(record.certificate).toMatchObject({ orgNumber: '974761076' });
    expect((await keys.signer()).header).toEqual({ x5c: record.certificate?.x5c });
    expect((await keys.publicJwks()).keys).toEqual([]);
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expect(keys.importCertificate(await fixture('enterprise-test-cert.pem'), otherKey)).rejects.toMatchObject({
      code: 'CERTIFICATE_KEY_MISMATCH',
    });
  });

  it('keeps the kid the self-service portal lists for a key, and the grant names it', async () => {
    // A key pasted in Samarbeidsportalen as PEM is listed under a portal-assigned UUID (field-notes.md, from
    // olefredrik/Wenche docs/oppsett.md §2e @ 00c744b5); the grant must then name that kid, not the thumbprint.
    const record = await keys.generate();
    const portalKid = randomUUID();
    const updated = await keys.setPortalKid(record.kid, ` ${portalKid} `);
    expect(updated).toMatchObject({ kid: record.kid, portalKid });
    expect(JSON.parse(await readFile(join(dataDir, 'maskinporten-keys.json'), 'utf8')).keys[0]).toMatchObject({
      kid: record.kid,
      portalKid,
    });
    expect(await keys.signer()).toMatchObject({ kid: portalKid, header: { kid: portalKid } });
    // The JWK and the keychain entry keep the key's own kid: only the grant's header changes.
    expect((await keys.publicJwks()).keys[0]?.kid).toBe(record.kid);
    expect(await store.get(`p1:${record.kid}`)).toMatch(/BEGIN PRIVATE KEY/);

    await expect(keys.setPortalKid(record.kid, 'kid med mellomrom')).rejects.toMatchObject({
      code: 'KEY_PORTAL_KID_INVALID',
      localized: { nb: expect.stringContaining('Kopier den slik portalen viser den'), en: expect.any(String) },
    });
    const second = await keys.generate();
    await expect(keys.setPortalKid(second.kid, portalKid)).rejects.toMatchObject({ code: 'KEY_PORTAL_KID_TAKEN' });
    await expect(keys.setPortalKid(second.kid, record.kid)).rejects.toMatchObject({ code: 'KEY_PORTAL_KID_TAKEN' });

    // Back to the key's own kid: empty, null, or the own kid itself.
    expect(await keys.setPortalKid(record.kid, null)).not.toHaveProperty('portalKid');
    expect(await keys.setPortalKid(record.kid, record.kid)).not.toHaveProperty('portalKid');
    await keys.markRegistered(record.kid);
    expect((await keys.signer()).header).toEqual({ kid: record.kid });
  });

  it('refuses a portal kid for a virksomhetssertifikat, whose grant carries x5c', async () => {
    now = new Date('2027-06-01T09:00:00Z'); // inside the fixture certificate's validity (2026-11-23 to 2036-11-20)
    const record = await keys.importCertificate(
      await fixture('enterprise-test-cert.pem'),
      await fixture('enterprise-test-key.pem'),
    );
    await expect(keys.setPortalKid(record.kid, randomUUID())).rejects.toMatchObject({
      code: 'KEY_PORTAL_KID_CERTIFICATE',
    });
  });

  it('holds at most five keys and warns before a key expires', async () => {
    for (let i = 0; i < 5; i++) await keys.generate();
    await expect(keys.generate()).rejects.toMatchObject({ code: 'KEY_LIMIT_REACHED' });
    const [first] = await keys.list();
    await keys.markRegistered(first?.kid ?? '');
    now = new Date('2026-12-20T12:00:00Z');
    const kinds = (await keys.warnings()).map((w) => w.kind);
    expect(kinds).toContain('expiring-soon');
    expect(kinds).toContain('not-registered');
    expect(kinds).toContain('too-many-keys');
    now = new Date('2027-02-01T12:00:00Z');
    expect((await keys.warnings()).map((w) => w.kind)).toContain('expired');
    expect((await keys.list())[0]?.age).toMatchObject({ expiresAt: '2027-01-10T12:00:00.000Z' });
  });

  it('says plainly when the private key is gone from the keychain', async () => {
    const record = await keys.generate();
    await store.delete(`p1:${record.kid}`);
    await expect(keys.signer()).rejects.toMatchObject({ code: 'KEY_MISSING_IN_KEYCHAIN' });
  });
});
