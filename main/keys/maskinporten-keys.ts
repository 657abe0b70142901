import { importPKCS8 } from 'jose';
import { AppError } from '../../shared/domain/app-error';
import { readEnterpriseCertificate } from './enterprise-certificate';
import { readPkcs12 } from './pkcs12';
import { KeyMetadataFile, type KeyRecord, type PublicJwk } from './key-metadata';
import { generateKeyMaterial, keyMaterialFromJwk, keyMaterialFromPem, type KeyMaterial } from './key-material';
import { keyAge, keyWarnings, MAX_KEYS_PER_CLIENT, type KeyAge, type KeyWarning } from './key-health';
import type { KeyStore } from './key-store';

/** What signs a grant: a key that cannot be exported, and the header that names it (`kid`, or `x5c`). */
export interface GrantSigner {
  /** The kid the grant names: the one the portal lists for the key when the user entered it, else the key's own. */
  kid: string;
  key: CryptoKey;
  header: { kid: string } | { x5c: string[] };
}

export interface MaskinportenKeysOptions {
  store: KeyStore;
  /** The profile's data directory; the non-secret key metadata file lives there. */
  dataDir: string;
  /** Keeps each profile's keys apart in the one keychain service, e.g. the profile id. */
  accountPrefix: string;
  now?: () => Date;
}

export interface KeySummary extends KeyRecord {
  age: KeyAge;
}

/**
 * The profile's Maskinporten signing keys: private halves in the keychain, everything else in a metadata file.
 * A new key can be added while the old one still signs; the old one is retired only when the user confirms the
 * new one is registered, so there is never a moment without a working key.
 */
export class MaskinportenKeys {
  private readonly metadata: KeyMetadataFile;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: MaskinportenKeysOptions) {
    this.metadata = new KeyMetadataFile(options.dataDir);
    this.now = options.now ?? (() => new Date());
  }

  async list(): Promise<KeySummary[]> {
    const now = this.now();
    return (await this.metadata.read()).map((r) => ({ ...r, age: keyAge(r, now) }));
  }

  async warnings(): Promise<KeyWarning[]> {
    return keyWarnings(await this.metadata.read(), this.now());
  }

  generate(): Promise<KeyRecord> {
    return this.add('generated', () => generateKeyMaterial());
  }

  importPem(pem: string): Promise<KeyRecord> {
    return this.add('imported', () => keyMaterialFromPem(pem));
  }

  importJwk(jwk: Record<string, unknown>): Promise<KeyRecord> {
    return this.add('imported', () => keyMaterialFromJwk(jwk));
  }

  /** A virksomhetssertifikat: PEM chain (leaf first) and its PEM private key. */
  importCertificate(chainPem: string, privateKeyPem: string): Promise<KeyRecord> {
    let certificate: KeyRecord['certificate'];
    return this.add(
      'certificate',
      async () => {
        const read = await readEnterpriseCertificate(chainPem, privateKeyPem, this.now());
        certificate = read.certificate;
        return read.material;
      },
      () => certificate,
    );
  }

  /** A virksomhetssertifikat as a PKCS#12 file (.p12/.pfx) and its password; same checks and storage as the PEM pair. */
  async importPkcs12(file: Uint8Array, password: string): Promise<KeyRecord> {
    const { chainPem, keyPem } = readPkcs12(file, password);
    return this.importCertificate(chainPem, keyPem);
  }

  /** The user uploaded the public key (or re-uploaded it, which renews Maskinporten's one-year limit). */
  markRegistered(kid: string): Promise<KeyRecord> {
    return this.update(kid, (r) => {
      if (r.status === 'retired') throw retiredKey(kid);
      return { ...r, status: 'active', registeredAt: this.now().toISOString() };
    });
  }

  /**
   * Records the kid the self-service portal shows for this key (`null`: the key's own kid again). Refused for a
   * virksomhetssertifikat (its grants name no kid) and for a kid another live key of the profile already answers to.
   */
  setPortalKid(kid: string, portalKid: string | null): Promise<KeyRecord> {
    return this.serialised(async () => {
      const records = await this.metadata.read();
      const record = findRecord(records, kid);
      if (record.status === 'retired') throw retiredKey(kid);
      if (record.certificate) {
        throw new AppError('KEY_PORTAL_KID_CERTIFICATE', {
          nb: 'Et virksomhetssertifikat logger inn med sertifikatkjeden (x5c), ikke med en nøkkel-ID. Det trenger ingen kid fra portalen.',
          en: 'An enterprise certificate signs in with its certificate chain (x5c), not a key id. It needs no kid from the portal.',
        });
      }
      const wanted = portalKid?.trim() || null;
      if (wanted !== null && !/^[A-Za-z0-9._-]{1,200}$/.test(wanted)) {
        throw new AppError('KEY_PORTAL_KID_INVALID', {
          nb: 'Nøkkel-ID-en fra portalen kan bare ha bokstaver, tall, punktum, bindestrek og understrek (som «3f2c9a1e-…»). Kopier den slik portalen viser den.',
          en: 'The key id from the portal can only hold letters, digits, dots, hyphens and underscores (like "3f2c9a1e-…"). Copy it as the portal shows it.',
        });
      }
      // Another live key's own kid or portal kid: two keys must never answer to the same kid in a grant.
      const clash = records.find(
        (r) => r.kid !== kid && r.status !== 'retired' && (r.kid === wanted || r.portalKid === wanted),
      );
      if (clash) {
        throw new AppError('KEY_PORTAL_KID_TAKEN', {
          nb: `Nøkkel-ID-en ${wanted} hører allerede til en annen nøkkel i profilen (${clash.kid}). Sjekk at du kopierte kid-en til riktig nøkkel.`,
          en: `The key id ${wanted} already belongs to another key in the profile (${clash.kid}). Check that you copied the kid of the right key.`,
        });
      }
      const { portalKid: _previous, ...rest } = record;
      const updated: KeyRecord = wanted === null || wanted === record.kid ? rest : { ...rest, portalKid: wanted };
      await this.metadata.write(records.map((r) => (r.kid === kid ? updated : r)));
      return updated;
    });
  }

  /**
   * Deletes the private key and keeps the record for history. Refused while it is the only usable key, unless
   * `withoutSuccessor` says the user means to stop using Maskinporten from this profile.
   */
  retire(kid: string, options: { withoutSuccessor?: boolean } = {}): Promise<KeyRecord> {
    return this.serialised(async () => {
      const records = await this.metadata.read();
      const record = findRecord(records, kid);
      const successors = records.filter((r) => r.kid !== kid && r.status === 'active');
      if (successors.length === 0 && !options.withoutSuccessor) {
        throw new AppError('KEY_RETIRE_WITHOUT_SUCCESSOR', {
          nb: 'Dette er den eneste registrerte nøkkelen. Lag en ny nøkkel, last den opp og bekreft den før du pensjonerer denne.',
          en: 'This is the only registered key. Generate a new key, upload it and confirm it before retiring this one.',
        });
      }
      await this.options.store.delete(this.account(kid));
      const retired: KeyRecord = { ...record, status: 'retired', retiredAt: this.now().toISOString() };
      await this.metadata.write(records.map((r) => (r.kid === kid ? retired : r)));
      return retired;
    });
  }

  /** The JWKS for Maskinporten's self-service API (`POST /clients/{id}/jwks` replaces the whole set). */
  async publicJwks(): Promise<{ keys: PublicJwk[] }> {
    const records = await this.metadata.read();
    return {
      keys: records.filter((r) => r.status !== 'retired' && r.origin !== 'certificate').map((r) => r.publicJwk),
    };
  }

  /** One key as the self-service portal's "Egne public nøkler" field wants it: a JSON array. */
  async publicJwkForPortal(kid: string): Promise<string> {
    const record = findRecord(await this.metadata.read(), kid);
    return JSON.stringify([record.publicJwk], null, 2);
  }

  /** The newest registered key, or the newest pending one before anything is confirmed (the first test). */
  async signer(): Promise<GrantSigner> {
    const records = await this.metadata.read();
    const newestFirst = [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const record = newestFirst.find((r) => r.status === 'active') ?? newestFirst.find((r) => r.status === 'pending');
    if (!record) {
      throw new AppError('KEY_NONE', {
        nb: 'Profilen har ingen Maskinporten-nøkkel ennå. Lag eller importer en nøkkel i oppsettet.',
        en: 'The profile has no Maskinporten key yet. Generate or import one in the setup.',
      });
    }
    const pem = await this.options.store.get(this.account(record.kid));
    if (!pem) {
      throw new AppError('KEY_MISSING_IN_KEYCHAIN', {
        nb: `Den private nøkkelen ${record.kid} finnes ikke i nøkkelringen (slettet, eller en annen bruker?). Lag en ny nøkkel og last den opp.`,
        en: `The private key ${record.kid} is not in the keychain (deleted, or another user?). Generate a new key and upload it.`,
      });
    }
    // Not extractable: once imported, the key can sign but its bytes cannot be read back out of the CryptoKey.
    const key = await importPKCS8(pem, 'RS256', { extractable: false });
    const named = record.portalKid ?? record.kid;
    const header = record.certificate ? { x5c: record.certificate.x5c } : { kid: named };
    return { kid: named, key, header };
  }

  private add(
    origin: KeyRecord['origin'],
    make: () => Promise<KeyMaterial>,
    certificateOf: () => KeyRecord['certificate'] = () => undefined,
  ): Promise<KeyRecord> {
    return this.serialised(async () => {
      const records = await this.metadata.read();
      const live = records.filter((r) => r.status !== 'retired' && r.origin !== 'certificate');
      if (origin !== 'certificate' && live.length >= MAX_KEYS_PER_CLIENT) {
        throw new AppError('KEY_LIMIT_REACHED', {
          nb: `Maskinporten-klienten tar høyst ${MAX_KEYS_PER_CLIENT} nøkler. Pensjoner en gammel nøkkel først.`,
          en: `The Maskinporten client holds at most ${MAX_KEYS_PER_CLIENT} keys. Retire an old key first.`,
        });
      }
      const material = await make();
      const existing = records.find((r) => r.kid === material.kid);
      if (existing && existing.status !== 'retired') {
        throw new AppError('KEY_ALREADY_PRESENT', {
          nb: `Nøkkelen ${material.kid} finnes allerede i denne profilen.`,
          en: `Key ${material.kid} is already in this profile.`,
        });
      }
      await this.options.store.set(this.account(material.kid), material.privatePkcs8Pem);
      const certificate = certificateOf();
      const record: KeyRecord = {
        kid: material.kid,
        origin,
        status: 'pending',
        createdAt: this.now().toISOString(),
        publicJwk: material.publicJwk,
        ...(certificate ? { certificate } : {}),
      };
      await this.metadata.write([...records.filter((r) => r.kid !== material.kid), record]);
      return record;
    });
  }

  private update(kid: string, change: (r: KeyRecord) => KeyRecord): Promise<KeyRecord> {
    return this.serialised(async () => {
      const records = await this.metadata.read();
      const updated = change(findRecord(records, kid));
      await this.metadata.write(records.map((r) => (r.kid === kid ? updated : r)));
      return updated;
    });
  }

  private account(kid: string): string {
    return `${this.options.accountPrefix}:${kid}`;
  }

  /** One change at a time, so two quick clicks never lose a key's metadata. */
  private serialised<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function findRecord(records: KeyRecord[], kid: string): KeyRecord {
  const record = records.find((r) => r.kid === kid);
  if (!record) {
    throw new AppError('KEY_NOT_FOUND', {
      nb: `Fant ingen nøkkel med id ${kid} i denne profilen.`,
      en: `No key with id ${kid} in this profile.`,
    });
  }
  return record;
}

function retiredKey(kid: string): AppError {
  return new AppError('KEY_RETIRED', {
    nb: `Nøkkelen ${kid} er pensjonert og den private nøkkelen er slettet. Lag en ny nøkkel.`,
    en: `Key ${kid} is retired and its private key deleted. Generate a new key.`,
  });
}
