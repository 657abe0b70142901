import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../shared/domain/app-error';

/** A virksomhetssertifikat as Buypass and Commfides deliver it: one .p12/.pfx file, protected with a password. */
export interface Pkcs12Contents {
  /** PEM certificates, leaf first, then each issuer: the order readEnterpriseCertificate and `x5c` expect. */
  chainPem: string;
  /** The private key as unencrypted PKCS#8 PEM; it goes straight on to the keychain import and nowhere else. */
  keyPem: string;
}

const OID = {
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  certBag: '1.2.840.113549.1.12.10.1.3',
} as const;

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType })[bagType] ?? [];
}

/**
 * Opens a PKCS#12 file with its password and hands back the chain and key in the shape the PEM import takes, so
 * both imports share one path to the keychain. Neither the password nor the key appears in an error's detail.
 */
export function readPkcs12(file: Uint8Array, password: string): Pkcs12Contents {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.binary.raw.encode(file));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    throw isWrongPassword(error) ? wrongPassword() : unreadable((error as Error).message);
  }

  const keyBags = [...bagsOf(p12, OID.shroudedKeyBag), ...bagsOf(p12, OID.keyBag)];
  const keyBag = keyBags.find((bag) => bag.key || bag.asn1);
  // forge decodes RSA certificates only; any other kind comes as ASN.1, so Node's X509Certificate reads them all.
  const certificates = bagsOf(p12, OID.certBag).flatMap((bag) => {
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    if (!asn1) return [];
    return [new X509Certificate(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'))];
  });
  if (!keyBag || certificates.length === 0) {
    throw new AppError(
      'KEY_P12_INCOMPLETE',
      {
        nb: 'Filen inneholder ikke både virksomhetssertifikatet og den private nøkkelen. Eksporter sertifikatet på nytt med privat nøkkel, som .p12 eller .pfx.',
        en: 'The file does not hold both the enterprise certificate and its private key. Export the certificate again with its private key, as .p12 or .pfx.',
      },
      [`certificates: ${certificates.length}, private key: ${keyBag ? 'yes' : 'no'}`],
    );
  }

  // forge parses RSA keys only; any other key type comes as its PrivateKeyInfo, which is PKCS#8 already.
  const keyPem = forge.pki.privateKeyInfoToPem(
    keyBag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key)) : (keyBag.asn1 as forge.asn1.Asn1),
  );
  const leaf = leafFor(keyPem, certificates);
  return {
    chainPem: chainFrom(leaf, certificates)
      .map((c) => c.toString())
      .join(''),
    keyPem,
  };
}

/** The certificate whose public key matches the private key; the file's bag order says nothing about which it is. */
function leafFor(keyPem: string, certificates: X509Certificate[]): X509Certificate {
  let key: KeyObject;
  try {
    key = createPrivateKey(keyPem);
  } catch (error) {
    throw unreadable(`private key: ${(error as Error).message}`);
  }
  // No match: readEnterpriseCertificate then reports CERTIFICATE_KEY_MISMATCH with its own message.
  return certificates.find((c) => c.checkPrivateKey(key)) ?? (certificates[0] as X509Certificate);
}

/** Leaf first, then each issuer present in the file; certificates outside that chain are left out. */
function chainFrom(leaf: X509Certificate, certificates: X509Certificate[]): X509Certificate[] {
  const chain = [leaf];
  for (;;) {
    const last = chain[chain.length - 1] as X509Certificate;
    if (last.checkIssued(last)) break; // self-signed: the root
    const issuer = certificates.find((c) => !chain.includes(c) && last.checkIssued(c));
    if (!issuer) break;
    chain.push(issuer);
  }
  return chain;
}
function isWrongPassword(error: unknown): boolean {
  return /invalid password|wrong password|mac could not be verified/i.test((error as Error)?.message ?? '');
}

function wrongPassword(): AppError {
  return new AppError('KEY_P12_WRONG_PASSWORD', {
    nb: 'Feil passord for sertifikatfilen. Bruk passordet du fikk (eller satte) da virksomhetssertifikatet ble levert, og prøv igjen.',
    en: 'Wrong password for the certificate file. Use the password you were given (or chose) when the enterprise certificate was delivered, and try again.',
  });
}

function unreadable(cause: string): AppError {
  return new AppError(
    'KEY_P12_UNREADABLE',
    {
      nb: 'Klarte ikke å lese filen som PKCS#12 (.p12/.pfx). Velg sertifikatfilen slik den ble levert fra Buypass eller Commfides.',
      en: 'Could not read the file as PKCS#12 (.p12/.pfx). Choose the certificate file as Buypass or Commfides delivered it.',
    },
    [cause],
  );
}
