import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportPKCS8, generateKeyPair } from 'jose';
import { AppError } from '../../shared/domain/app-error';
import { MAX_SECRET_BYTES } from './key-store';
import type { PublicJwk } from './key-metadata';

/** A signing key before it is stored: the PKCS#8 PEM goes to the keychain, the rest to the metadata file. */
export interface KeyMaterial {
  kid: string;
  privatePkcs8Pem: string;
  publicJwk: PublicJwk;
}

/** RSA-2048 with RS256: the only combination both of Maskinporten's key-registration pages accept (§3.2). */
export async function generateKeyMaterial(): Promise<KeyMaterial> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return keyMaterialFromPem(await exportPKCS8(privateKey));
}

/** An existing private key: PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`) PEM. */
export async function keyMaterialFromPem(pem: string): Promise<KeyMaterial> {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw unreadableKey((error as Error).message);
  }
  return keyMaterialFromKeyObject(key);
}

/** An existing private key as a JWK (with `d`, `p`, `q`, …). */
export async function keyMaterialFromJwk(jwk: Record<string, unknown>): Promise<KeyMaterial> {
  if (typeof jwk.d !== 'string') {
    throw new AppError('KEY_NOT_PRIVATE', {
      nb: 'Denne JWK-en er bare den offentlige nøkkelen. Importer den private nøkkelen (med feltet "d").',
      en: 'This JWK is only the public key. Import the private key (with the "d" field).',
    });
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  } catch (error) {
    throw unreadableKey((error as Error).message);
  }
  return keyMaterialFromKeyObject(key);
}

export async function keyMaterialFromKeyObject(key: KeyObject): Promise<KeyMaterial> {
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < 2048) {
    throw new AppError(
      'KEY_UNSUPPORTED',
      {
        nb: 'Maskinporten tar bare RSA-nøkler på minst 2048 bit (RS256). Lag en ny nøkkel i Innsender eller importer en RSA-2048-nøkkel.',
        en: 'Maskinporten only takes RSA keys of at least 2048 bits (RS256). Generate a new key in Innsender or import an RSA-2048 key.',
      },
      [`type ${key.asymmetricKeyType ?? 'unknown'}, ${bits} bits`],
    );
  }
  const privatePkcs8Pem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  assertFitsKeychain(privatePkcs8Pem);
  const { n, e } = createPublicKey(key).export({ format: 'jwk' });
  if (!n || !e) throw unreadableKey('no RSA modulus/exponent');
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n, e }, 'sha256');
  return { kid, privatePkcs8Pem, publicJwk: { kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' } };
}

/** Stops a key at import that Windows' Credential Manager would later refuse (RSA-4096 is about 3.2 kB). */
export function assertFitsKeychain(pem: string): void {
  const bytes = Buffer.byteLength(pem, 'utf8');
  if (bytes > MAX_SECRET_BYTES) {
    throw new AppError('KEY_TOO_LARGE', {
      nb: `Nøkkelen tar ${bytes} byte; nøkkelringen i Windows tar høyst ${MAX_SECRET_BYTES}. Bruk en RSA-2048-nøkkel.`,
      en: `The key takes ${bytes} bytes; Windows' keychain holds at most ${MAX_SECRET_BYTES}. Use an RSA-2048 key.`,
    });
  }
}

function unreadableKey(cause: string): AppError {
  return new AppError(
    'KEY_UNREADABLE',
    {
      nb: 'Klarte ikke å lese nøkkelen. Bruk en privat RSA-nøkkel som PEM (BEGIN PRIVATE KEY) eller JWK, uten passord.',
      en: 'Could not read the key. Use a private RSA key as PEM (BEGIN PRIVATE KEY) or JWK, without a password.',
    },
    [cause],
  );
}
