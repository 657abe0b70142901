import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { XSD_VERSIONS, type XsdUsed } from '../../shared/reports/xsd-versions';

/** `assets/schemas/` at the project root: two levels up from both `main/reports/` (dev) and `out/main/` (bundle). */
export const DEFAULT_SCHEMA_DIR = fileURLToPath(new URL('../../assets/schemas/', import.meta.url));

const cache = new Map<string, Promise<string>>();

/** The XSD's text, read once per process; the packaged app passes its resources directory as `schemaDir`. */
export function loadSchema(schema: XsdUsed, schemaDir = DEFAULT_SCHEMA_DIR): Promise<string> {
  const path = `${schemaDir.replace(/\/?$/, '/')}${XSD_VERSIONS[schema].file}`;
  let text = cache.get(path);
  if (!text) {
    text = readFile(path, 'utf8');
    cache.set(path, text);
    text.catch(() => cache.delete(path));
  }
  return text;
}
