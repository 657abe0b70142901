import { error, type Finding } from '../../shared/reports/finding';
import { jsonTooDeepAt } from '../../shared/reports/nesting-depth';
import { readReportDocument } from '../../shared/reports/read-report-document';
import type { RoutedKind } from '../../shared/reports/report-routing';
import { readReportBytes } from './read-report-file';

/** Who a report file is for, read before any check so it can be checked with that organisation's rules. */
export type ReportIdentity =
  { kind: RoutedKind; orgNumber: string } | { kind: 'unreadable'; finding: Finding; sha256: string; size: number };

export interface IdentifyInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Reads the organisation a file reports for: an a-melding's `opplysningspliktig/norskIdentifikator`, an RF-1086
 * form's `organisasjonsnummer` (a hovedskjema's company; an underskjema names the same company, and
 * shared/reports/rf1086/returns.ts matches it to its hovedskjema by that number and the share class, so it goes
 * where its hovedskjema goes), or a tredjepart leveranse's `oppgavegiver/organisasjonsnummer`
 * (shared/tredjepart/leveranse.ts). The same readers and guards as a check (size, encoding, nesting, DOCTYPE).
 */
export function identifyReport({ name, bytes }: IdentifyInput, options: { maxBytes?: number } = {}): ReportIdentity {
  const read = readReportBytes(name, bytes, options);
  if (!read.ok) return { kind: 'unreadable', finding: read.finding, sha256: read.sha256 ?? ZERO, size: read.size ?? 0 };
  const { text, sha256, size } = read.file;
  const unreadable = (finding: Finding): ReportIdentity => ({ kind: 'unreadable', finding, sha256, size });

  const tredjepart = tredjepartOrg(text);
  if (tredjepart) return { kind: 'tredjepart', orgNumber: tredjepart };

  const doc = readReportDocument(text, name);
  if (doc.kind === 'unreadable') return unreadable(doc.finding);
  const orgNumber =
    doc.kind === 'amelding'
      ? doc.document.leveranse.opplysningspliktig?.norskIdentifikator
      : doc.form.organisasjonsnummer?.value;
  const clean = orgNumber?.trim();
  if (!clean) return unreadable(noOrganisation(doc.kind));
  return { kind: doc.kind, orgNumber: clean };
}

const ZERO = '0'.repeat(64);

/**
 * A tredjepart melding is `{"leveranse": {"oppgavegiver": {"organisasjonsnummer": …}}}` (or a list of leveranser);
 * an a-melding's JSON `leveranse` has an `opplysningspliktig` instead, so the two never overlap.
 */
function tredjepartOrg(text: string): string | null {
  // Too deep is left to the report reader, which refuses it with REPORT_NESTING_TOO_DEEP and its place.
  if (!/^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) || jsonTooDeepAt(text)) return null;
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  const raw = (json as { leveranse?: unknown } | null)?.leveranse;
  const first = (Array.isArray(raw) ? raw[0] : raw) as
    { oppgavegiver?: { organisasjonsnummer?: unknown }; opplysningspliktig?: unknown } | undefined;
  if (!first || typeof first !== 'object' || first.opplysningspliktig !== undefined) return null;
  const org = first.oppgavegiver?.organisasjonsnummer;
  return typeof org === 'string' && org.trim() ? org.trim() : null;
}

function noOrganisation(kind: 'amelding' | 'rf1086'): Finding {
  return kind === 'amelding'
    ? error(
        'REPORT_ORGANISATION_MISSING',
        'leveranse/opplysningspliktig',
        'A-meldingen oppgir ingen opplysningspliktig, så den kan ikke knyttes til en klient. Legg inn organisasjonsnummeret i lønnssystemet og lag filen på nytt.',
        'The a-melding names no opplysningspliktig, so it cannot be matched to a client. Enter the organisation number in the payroll system and make the file again.',
      )
    : error(
        'REPORT_ORGANISATION_MISSING',
        'Skjema/organisasjonsnummer',
        'Skjemaet oppgir ikke selskapets organisasjonsnummer, så det kan ikke knyttes til en klient.',
        'The form does not give the company’s organisation number, so it cannot be matched to a client.',
      );
}
