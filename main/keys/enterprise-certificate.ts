import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { AppError } from '../../shared/domain/app-error';
import type { EnterpriseCertificate } from './key-metadata';
import { keyMaterialFromKeyObject, type KeyMaterial } from './key-material';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * A virksomhetssertifikat given as a PEM certificate chain (leaf first) and its PEM private key. Its grants carry
 * the chain in `x5c` (altinn-auth.md §1.2). PKCS#12 (.p12/.pfx) is not read here: no PKCS#12 library is a
 * dependency yet, so the user exports the chain and key as PEM first.
 */
export async function readEnterpriseCertificate(
  chainPem: string,
  privateKeyPem: string,
  now: Date,
): Promise<{ material: KeyMaterial; certificate: EnterpriseCertificate }> {
  const blocks = chainPem.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) throw certificateError('CERTIFICATE_UNREADABLE', 'no PEM certificate found');
  let chain: X509Certificate[];
  try {
    chain = blocks.map((b) => new X509Certificate(b));
  } catch (error) {
    throw certificateError('CERTIFICATE_UNREADABLE', (error as Error).message);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch (error) {
    throw certificateError('CERTIFICATE_UNREADABLE', `private key: ${(error as Error).message}`);
  }
  const leaf = chain[0] as X509Certificate;
  if (!leaf.checkPrivateKey(key)) {
    throw new AppError('CERTIFICATE_KEY_MISMATCH', {
      nb: 'Den private nøkkelen hører ikke til sertifikatet. Velg nøkkelen som ble levert sammen med virksomhetssertifikatet.',
      en: 'The private key does not belong to the certificate. Choose the key that came with the enterprise certificate.',
    });
  }
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!(chain[i] as X509Certificate).checkIssued(chain[i + 1] as X509Certificate)) {
      throw certificateError('CERTIFICATE_CHAIN_ORDER', `certificate ${i + 1} is not issued by certificate ${i + 2}`);
    }
  }
  const validTo = new Date(leaf.validTo);
  const validFrom = new Date(leaf.validFrom);
  if (validTo.getTime() <= now.getTime() || validFrom.getTime() > now.getTime()) {
    throw new AppError('CERTIFICATE_NOT_VALID_NOW', {
      nb: `Virksomhetssertifikatet gjelder fra ${validFrom.toISOString()} til ${validTo.toISOString()}. Bestill et nytt fra Buypass eller Commfides.`,
      en: `The enterprise certificate is valid from ${validFrom.toISOString()} to ${validTo.toISOString()}. Order a new one from Buypass or Commfides.`,
    });
  }
  const material = await keyMaterialFromKeyObject(key);
  return {
    material,
    certificate: {
      x5c: chain.map((c) => c.raw.toString('base64')),
      subject: leaf.subject,
      issuer: leaf.issuer,
      serialNumber: leaf.serialNumber,
      validFrom: validFrom.toISOString(),
      validTo: validTo.toISOString(),
      ...orgNumberPart(leaf.subject),
    },
  };
}

/** Norwegian enterprise certificates name the org as `serialNumber=<orgnr>` or `organizationIdentifier=NTRNO-<orgnr>`. */
export function orgNumberInSubject(subject: string): string | undefined {
  const match =
    /(?:^|\n|,\s*)(?:serialNumber|2\.5\.4\.5)=(\d{9})\b/.exec(subject) ??
    /(?:organizationIdentifier|2\.5\.4\.97)=NTRNO-(\d{9})\b/.exec(subject);
  return match?.[1];
}

function orgNumberPart(subject: string): { orgNumber?: string } {
  const orgNumber = orgNumberInSubject(subject);
  return orgNumber ? { orgNumber } : {};
}

function certificateError(code: string, cause: string): AppError {
  return new AppError(
    code,
    {
      nb: 'Klarte ikke å lese virksomhetssertifikatet. Lever kjeden som PEM (løvsertifikatet først, så utstederne) og den private nøkkelen som PEM uten passord.',
      en: 'Could not read the enterprise certificate. Provide the chain as PEM (leaf first, then its issuers) and the private key as PEM without a password.',
    },
    [cause],
  );
}
