import { readAMeldingJsonText } from './amelding/from-json';
import { readAMeldingXml } from './amelding/from-xml';
import type { AMeldingDocument } from './amelding/read-result';
import type { Finding } from './finding';
import { error } from './finding';
import { readRf1086Xml, rf1086FormKind } from './rf1086/from-xml';
import type { Rf1086Form } from './rf1086/model';
import type { SourceLocations } from './source-locations';
import { parseXml } from './xml/parse-xml';

/** A report file's text, recognised and mapped onto its model; the first step of every check. */
export type ReportDocument =
  | {
      kind: 'amelding';
      document: AMeldingDocument;
      issues: Finding[];
      complete: boolean;
      locations?: SourceLocations;
    }
  | { kind: 'rf1086'; form: Rf1086Form }
  | { kind: 'unreadable'; finding: Finding };

/** Detects the kind from the JSON shape or the XML root element/namespace and reads it. */
export function readReportDocument(text: string, fileName: string): ReportDocument {
  if (/^\s*[[{]/.test(text)) {
    const read = readAMeldingJsonText(text);
    return read.ok ? { kind: 'amelding', ...read } : { kind: 'unreadable', finding: read.finding };
  }
  const parsed = parseXml(text);
  if (!parsed.ok) return { kind: 'unreadable', finding: parsed.finding };
  if (parsed.root.name === 'melding') {
    const read = readAMeldingXml(parsed.root);
    return read.ok ? { kind: 'amelding', ...read } : { kind: 'unreadable', finding: read.finding };
  }
  if (rf1086FormKind(parsed.root)) {
    const read = readRf1086Xml(parsed.root, fileName);
    return read.ok ? { kind: 'rf1086', form: read.form } : { kind: 'unreadable', finding: read.finding };
  }
  return {
    kind: 'unreadable',
    finding: error(
      'REPORT_KIND_UNKNOWN',
      '',
      `Kjenner ikke igjen filen (rotelement <${parsed.root.name}>). Innsender leser a-melding (XML eller JSON) og aksjonærregisteroppgaven RF-1086.`,
      `The file is not recognised (root element <${parsed.root.name}>). Innsender reads the a-melding (XML or JSON) and the shareholder register return RF-1086.`,
    ),
  };
}
