import { ElementPlaces } from '../element-places';
import type { SourceLocations } from '../source-locations';
import type { XmlEventHandler } from '../xml/read-xml-events';
import type { XmlElement } from '../xml/xml-element';
import type { AMeldingReadResult } from './read-result';
import { AMeldingXmlBuilder } from './xml-model-builder';

/** Maps an already parsed `<melding>` element onto the model, the same way as the text reader. */
export function readAMeldingXml(root: XmlElement): AMeldingReadResult {
  const places = new ElementPlaces();
  return withLocations(replay(root, new AMeldingXmlBuilder(places)), places);
}

export function withLocations(read: AMeldingReadResult, locations: SourceLocations): AMeldingReadResult {
  return read.ok ? { ...read, locations } : read;
}

/** Feeds a tree to an event handler as the parser would have (an element's text comes before its children). */
function replay<T>(root: XmlElement, handler: XmlEventHandler<T>): T {
  const visit = (element: XmlElement) => {
    handler.open({ local: element.name, uri: element.ns, attributes: {} }, element.line, element.column);
    if (element.text) handler.text(element.text);
    for (const child of element.children) visit(child);
    handler.close();
  };
  visit(root);
  return handler.finish();
}
