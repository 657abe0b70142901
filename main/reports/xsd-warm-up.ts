import { readRegularFileHeadSync } from '../disk/read-regular-file';
import type { ReportInput } from './check-report-files';
import { HEAD_BYTES, schemaFromHead } from './schema-from-head';
import { prestartTreeWorker } from './xsd-tree-in-worker';
import { xsdEngineFor } from './xsd-validate';
import { prestartXmllintWorker } from './xmllint-worker';

/**
 * Starts the XSD worker a check will want, from the first file's head, before the check's own modules load: the
 * thread's start and the wasm's load then run on the other core meanwhile (issue 12: in the CLI the worker started
 * only once the check had loaded, read and hashed the file, and a small file's check waited for it). A guess the
 * check does not confirm costs only an idle thread that ends with the process; the check itself still decides.
 */
export function warmUpXsdWorker(inputs: readonly ReportInput[]): void {
  const first = inputs[0];
  const head = first === undefined ? null : typeof first === 'string' ? headOf(first) : first.bytes;
  const schema = head ? schemaFromHead(head) : null;
  if (!schema) return;
  if (xsdEngineFor(schema) === 'libxml2-wasm') prestartTreeWorker();
  else prestartXmllintWorker();
}

/** The file's first HEAD_BYTES, or null when it is no regular file or cannot be read (the check says why). */
function headOf(path: string): Uint8Array | null {
  const read = readRegularFileHeadSync(path, HEAD_BYTES);
  return read.ok ? read.bytes : null;
}
