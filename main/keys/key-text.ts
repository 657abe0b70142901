import { AppError } from '../../shared/domain/app-error';

/** What a pasted or picked key file holds, before MaskinportenKeys reads it. */
export type KeyText = { format: 'pem'; pem: string } | { format: 'jwk'; jwk: Record<string, unknown> };

const PRIVATE_KEY_PEM = /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+?-----END (RSA )?PRIVATE KEY-----/;
const CERTIFICATE_PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * A private key as people have it: a PEM (PKCS#8 or PKCS#1), a JWK, a JWKS, or the portal's JSON array. From a
 * set, the first key with a private part is taken.
 */
export function readKeyText(text: string): KeyText {
  refuseUnsupported(text);
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new AppError(
        'KEY_UNREADABLE',
        {
          nb: 'Teksten ser ut som JSON, men kan ikke leses. Lim inn hele JWK-en.',
          en: 'The text looks like JSON but cannot be read. Paste the whole JWK.',
        },
        [(error as Error).message],
      );
    }
    const candidates = (
      Array.isArray(parsed)
        ? parsed
        : Array.isArray((parsed as { keys?: unknown }).keys)
          ? (parsed as { keys: unknown[] }).keys
          : [parsed]
    ).filter((k): k is Record<string, unknown> => !!k && typeof k === 'object');
    const jwk = candidates.find((k) => typeof k.d === 'string') ?? candidates[0] ?? {};
    return { format: 'jwk', jwk };
  }
  const pem = PRIVATE_KEY_PEM.exec(text)?.[0];
  return { format: 'pem', pem: pem ?? text };
}

/** A virksomhetssertifikat exported as PEM: the chain and the private key, in one text or several files. */
export function readCertificateBundle(text: string): { chainPem: string; keyPem: string } {
  refuseUnsupported(text);
  const chain = text.match(CERTIFICATE_PEM) ?? [];
  const key = PRIVATE_KEY_PEM.exec(text)?.[0];
  if (chain.length === 0 || !key) {
    throw new AppError(
      'CERTIFICATE_BUNDLE_INCOMPLETE',
      {
        nb: 'Fant ikke både sertifikatkjeden (BEGIN CERTIFICATE) og den private nøkkelen (BEGIN PRIVATE KEY). Velg begge filene, eller én fil med begge.',
        en: 'Did not find both the certificate chain (BEGIN CERTIFICATE) and the private key (BEGIN PRIVATE KEY). Choose both files, or one file with both.',
      },
      [`certificates: ${chain.length}, private key: ${key ? 'yes' : 'no'}`],
    );
  }
  return { chainPem: chain.join('\n'), keyPem: key };
}

function refuseUnsupported(text: string): void {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(text)) {
    throw new AppError('KEY_ENCRYPTED', {
      nb: 'Nøkkelen er beskyttet med passord. Fjern passordet først, f.eks. med `openssl pkey -in nokkel.pem -out ny.pem`, og importer den nye filen. Den private nøkkelen lagres kryptert i nøkkelringen.',
      en: 'The key is protected with a password. Remove the password first, e.g. with `openssl pkey -in key.pem -out new.pem`, and import the new file. The private key is stored encrypted in the keychain.',
    });
  }
}

/** A .p12/.pfx chosen where PEM files are expected: it is read by the PKCS#12 import, which asks for its password. */
export function pkcs12NeedsPassword(file: string): AppError {
  return new AppError(
    'CERTIFICATE_PKCS12_NEEDS_PASSWORD',
    {
      nb: 'Dette er en .p12/.pfx-fil. Velg «Virksomhetssertifikat (.p12/.pfx)», skriv inn passordet og velg filen der.',
      en: 'This is a .p12/.pfx file. Choose "Enterprise certificate (.p12/.pfx)", type its password and choose the file there.',
    },
    [file],
  );
}
