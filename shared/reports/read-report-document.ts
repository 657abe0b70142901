import { readAMeldingJsonText } from './amelding/from-json';
import { withLocations } from './amelding/from-xml';
import type { AMeldingDocument, AMeldingReadResult } from './amelding/read-result';
import { AMeldingXmlBuilder } from './amelding/xml-model-builder';
import { ElementPlaces } from './element-places';
import type { Finding } from './finding';
import { error } from './finding';
import { readRf1086Xml, rf1086FormKind } from './rf1086/from-xml';
import type { Rf1086Form } from './rf1086/model';
import type { SourceLocations } from './source-locations';
import { XmlTreeBuilder } from './xml/parse-xml';
import { mapXmlEventHandler, xmlEventsReader, type XmlEventHandler, type XmlEventsRead } from './xml/read-xml-events';
import type { XmlElement } from './xml/xml-element';

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

type XmlRead = { root: 'melding'; read: AMeldingReadResult } | { root: 'other'; element: XmlElement };

/**
 * `<melding>` is mapped onto the a-melding model as it is parsed, recording where its elements start (the text is
 * not parsed again to locate findings); any other root is read as a tree.
 */
function readerFor(root: { local: string }): XmlEventHandler<XmlRead> {
  if (root.local !== 'melding')
    return mapXmlEventHandler(new XmlTreeBuilder(), (element) => ({ root: 'other', element }));
  const places = new ElementPlaces();
  return mapXmlEventHandler(new AMeldingXmlBuilder(places), (read) => ({
    root: 'melding',
    read: withLocations(read, places),
  }));
}

/** Detects the kind from the JSON shape or the XML root element/namespace and reads it. */
export function readReportDocument(text: string, fileName: string): ReportDocument {
  if (/^\s*[[{]/.test(text)) {
    const read = readAMeldingJsonText(text);
    return read.ok ? { kind: 'amelding', ...read } : { kind: 'unreadable', finding: read.finding };
  }
  const reader = xmlReportReader(fileName);
  reader.write(text);
  return reader.finish();
}

/** Reads an XML report given in pieces, in order: `readReportDocument`'s XML path for a text that is never whole. */
export interface ReportDocumentReader {
  write(chunk: string): void;
  finish(): ReportDocument;
}

/**
 * The XML path of `readReportDocument` fed a piece at a time: a large a-melding is decoded and parsed from its
 * file in chunks, so its 83 MiB of text (50,000 people) never sits beside the model (issue 12).
 */
export function xmlReportReader(fileName: string): ReportDocumentReader {
  const events = xmlEventsReader(readerFor);
  return { write: (chunk) => events.write(chunk), finish: () => documentOf(events.close(), fileName) };
}

function documentOf(parsed: XmlEventsRead<XmlRead>, fileName: string): ReportDocument {
  if (!parsed.ok) return { kind: 'unreadable', finding: parsed.finding };
  if (parsed.value.root === 'melding') {
    const { read } = parsed.value;
    return read.ok ? { kind: 'amelding', ...read } : { kind: 'unreadable', finding: read.finding };
  }
  const root = parsed.value.element;
  if (rf1086FormKind(root)) {
    const read = readRf1086Xml(root, fileName);
    return read.ok ? { kind: 'rf1086', form: read.form } : { kind: 'unreadable', finding: read.finding };
  }
  return {
    kind: 'unreadable',
    finding: error(
      'REPORT_KIND_UNKNOWN',
      '',
      `Kjenner ikke igjen filen (rotelement <${root.name}>). Innsender leser a-melding (XML eller JSON) og aksjonærregisteroppgaven RF-1086.`,
      `The file is not recognised (root element <${root.name}>). Innsender reads the a-melding (XML or JSON) and the shareholder register return RF-1086.`,
    ),
  };
}
