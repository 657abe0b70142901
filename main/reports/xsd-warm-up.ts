import { readRegularFileHeadSync } from '../disk/read-regular-file';
import { fileSizeSync } from './check-heap-limit';
import { INLINE_BELOW_BYTES } from './check-in-worker';
import type { ReportInput } from './check-report-files';
import { HEAD_BYTES, schemaFromHead } from './schema-from-head';
import { prestartTreeWorker } from './xsd-tree-in-worker';
import { xsdEngineFor } from './xsd-validate';
import { prestartXmllintWorker } from './xmllint-worker';

/**
 * Starts the XSD worker a check on this thread will want, from the first file's head, as soon as `innsender
 * validate` runs: the thread's start and the wasm's load then run on the other core while this thread loads the
 * check's modules and reads the files (issue 12: the worker started only once the check had loaded, read and
 * hashed the file, and a small file's check then waited for it). A first file of INLINE_BELOW_BYTES or more is
 * checked in a worker of its own, which starts its own XSD worker. A guess the check does not confirm costs only an
 * idle thread that ends with the process; the check itself still decides which schema each file gets.
 */
export function warmUpXsdWorker(inputs: readonly ReportInput[]): void {
  const first = inputs[0];
  if (typeof first === 'string' && fileSizeSync(first) >= INLINE_BELOW_BYTES) return;
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
