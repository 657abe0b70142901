import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../disk/atomic-write';
import { PublicJwkViewSchema } from '../../shared/domain/setup';

/** The public half of an RSA signing key (altinn-auth.md §3.1–3.2): the one schema the UI also shows. */
export const PublicJwkSchema = PublicJwkViewSchema;
export type PublicJwk = z.infer<typeof PublicJwkSchema>;

/**
 * pending: made or imported, not yet confirmed registered on the Maskinporten client; active: registered;
 * retired: the user confirmed its successor works, so its private key has been deleted from the keychain.
 */
export const KeyStatusSchema = z.enum(['pending', 'active', 'retired']);
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

export const EnterpriseCertificateSchema = z.object({
  /** base64 DER, leaf first: exactly what the grant's `x5c` header carries. */
  x5c: z.array(z.string().min(1)).min(1),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  validFrom: z.iso.datetime(),
  validTo: z.iso.datetime(),
  /** The org number the certificate names, when it names one (serialNumber or organizationIdentifier NTRNO-). */
  orgNumber: z.string().optional(),
});
export type EnterpriseCertificate = z.infer<typeof EnterpriseCertificateSchema>;

export const KeyRecordSchema = z.object({
  kid: z.string(),
  origin: z.enum(['generated', 'imported', 'certificate']),
  status: KeyStatusSchema,
  createdAt: z.iso.datetime(),
  /** When the user confirmed the public key was uploaded; Maskinporten expires it a year later. */
  registeredAt: z.iso.datetime().optional(),
  retiredAt: z.iso.datetime().optional(),
  publicJwk: PublicJwkSchema,
  /**
   * The kid Digdir's self-service portal lists for this key, when it is not the key's own: a public key pasted as
   * PEM is listed with a portal-assigned UUID (field-notes.md; olefredrik/Wenche docs/oppsett.md §2e @ 00c744b5).
   * The grant's header must then name this one. Absent: the key's own kid (its RFC 7638 thumbprint).
   */
  portalKid: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,200}$/)
    .optional(),
  /** Only for a virksomhetssertifikat: its grants carry `x5c` instead of `kid`. */
  certificate: EnterpriseCertificateSchema.optional(),
});
export type KeyRecord = z.infer<typeof KeyRecordSchema>;

const KeyMetadataFileSchema = z.object({ schemaVersion: z.literal(1), keys: z.array(KeyRecordSchema) });

export const KEY_METADATA_FILE = 'maskinporten-keys.json';

/**
 * The non-secret facts about the profile's keys, in a JSON file beside its settings. The private keys are in
 * the keychain; nothing in this file could sign a grant.
 */
export class KeyMetadataFile {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, KEY_METADATA_FILE);
  }

  async read(): Promise<KeyRecord[]> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return KeyMetadataFileSchema.parse(JSON.parse(raw)).keys;
  }

  async write(keys: KeyRecord[]): Promise<void> {
    const content = { schemaVersion: 1 as const, keys: keys.map((k) => KeyRecordSchema.parse(k)) };
    await writeFileAtomic(this.path, `${JSON.stringify(content, null, 2)}\n`);
  }
}
