import { isDeclaredUtf8 } from '../../shared/reports/xml/decode-report-bytes';
import type { AMeldingVersion } from '../../shared/reports/amelding/versions';
import { rf1086XsdFor, type XsdUsed } from '../../shared/reports/xsd-versions';

/** The XSD each a-melding version is validated against; v2_0 and v2_1 have none (the model checks them). */
export const XSD_FOR_VERSION: Record<AMeldingVersion, XsdUsed | null> = {
  v2_0: null,
  v2_1: null,
  v2_2: 'amelding_v2_2',
  v2_3: 'amelding_v2_3',
};

/** How much of a file's start `schemaFromHead` reads. */
export const HEAD_BYTES = 4096;

const AMELDING_NAMESPACE = /urn:ske:fastsetting:innsamling:a-meldingen:(v2_[0-3])\b/;
/** RF-1086's root start tag `<Skjema …>`; its skjemanummer 890|923 (as `shared/reports/rf1086/from-xml.ts`) and spesifikasjonsnummer. */
const RF1086_ROOT = /<Skjema\b[^>]*>/;
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];

/**
 * The XSD a file's head names (an a-melding's root namespace, an RF-1086 form's skjemanummer and
 * spesifikasjonsnummer), from its first few KiB, for UTF-8 files (their bytes go to libxml2 as they are), so the
 * XSD starts before the parse; the parse confirms it later, and a file it overrules, or in another encoding, is
 * validated afterwards as text. The CLI also reads it off the first file's head to start the XSD worker that file
 * will want while the check is still loading (`xsd-warm-up.ts`).
 */
export function schemaFromHead(bytes: Uint8Array): XsdUsed | null {
  if (!isDeclaredUtf8(bytes)) return null;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_BYTES));
  if (/^(\uFEFF|\u00EF\u00BB\u00BF)?\s*[[{]/.test(head)) return null;
  const version = AMELDING_NAMESPACE.exec(head)?.[1] as AMeldingVersion | undefined;
  if (version) return XSD_FOR_VERSION[version];
  const root = RF1086_ROOT.exec(head)?.[0];
  const skjemanummer = root && attribute(root, 'skjemanummer');
  if (skjemanummer !== '890' && skjemanummer !== '923') return null;
  // An unknown version is not validated at all: the parse finds the form and refuses the number.
  const choice = rf1086XsdFor(
    skjemanummer === '890' ? 'hovedskjema' : 'underskjema',
    attribute(root!, 'spesifikasjonsnummer'),
  );
  return choice.ok ? choice.xsd : null;
}
