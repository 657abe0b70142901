import type { Worker } from 'node:worker_threads';
import type { Finding } from '../../shared/reports/finding';
import { validatorFailedFinding } from './libxml2-diagnostics';
import { startReportWorker } from './start-report-worker';
import { TREE_BATCH, type TreeSchema } from './xsd-tree-validate';
import type { XsdDocument } from './xsd-validate';

/** A batch of documents for the tree worker; the schema's text travels only with the first batch for its key. */
export interface TreeRequest {
  id: number;
  schemaKey: string;
  schemaText?: string;
  documents: { key: string; xml: string | Uint8Array }[];
}
export type TreeReply =
  { id: number; ok: true; findings: [string, Finding[]][] } | { id: number; ok: false; message: string };

/**
 * libxml2-wasm's validation (`xsd-tree-validate.ts`) in a worker thread of its own, so that the check's thread
 * reads, parses and runs the rules while the forms are validated (5,000 RF-1086 forms: ≈ 0.3–0.4 s of CPU here, ≈ 1 s
 * on the check's thread). One worker for the thread's lifetime, started on first use: the schemas it compiled stay
 * compiled. It does not keep the process alive while it has nothing to do.
 */
export function validateTreesInWorker(
  documents: readonly XsdDocument[],
  schema: TreeSchema,
): Promise<Map<string, Finding[]>> {
  return collected(posted(documents, schema));
}

type PostedBatch = { keys: string[]; reply: Promise<TreeReply> };

/**
 * Posts the documents in batches: the worker starts on the first while the next are cloned to it. Synchronous, and
 * apart from the waiting, so that nothing holds the documents' bytes once the worker has its copy.
 */
function posted(documents: readonly XsdDocument[], schema: TreeSchema): PostedBatch[] {
  const batches: PostedBatch[] = [];
  for (let start = 0; start < documents.length; start += TREE_BATCH) {
    const batch = documents.slice(start, start + TREE_BATCH).map(({ key, xml }) => ({ key, xml }));
    batches.push({ keys: batch.map((d) => d.key), reply: request(schema, batch) });
  }
  return batches;
}

async function collected(batches: readonly PostedBatch[]): Promise<Map<string, Finding[]>> {
  const result = new Map<string, Finding[]>();
  for (const { keys, reply } of batches) {
    const answered = await reply;
    if (answered.ok) for (const [key, found] of answered.findings) result.set(key, found);
    else for (const key of keys) result.set(key, [validatorFailedFinding(answered.message)]);
  }
  return result;
}

/** The worker, the batches it has yet to answer, and the schema keys it has been sent the text of. */
type TreeWorker = { worker: Worker; pending: Map<number, (reply: TreeReply) => void>; schemasSent: Set<string> };
let current: TreeWorker | undefined;
let nextId = 0;

function request(schema: TreeSchema, documents: TreeRequest['documents']): Promise<TreeReply> {
  const tree = current ?? startTreeWorker();
  const id = nextId++;
  const message: TreeRequest = { id, schemaKey: schema.key, documents };
  if (!tree.schemasSent.has(schema.key)) {
    message.schemaText = schema.text;
    tree.schemasSent.add(schema.key);
  }
  const reply = new Promise<TreeReply>((resolve) => tree.pending.set(id, resolve));
  if (tree.pending.size === 1) tree.worker.ref();
  tree.worker.postMessage(message);
  return reply;
}

/**
 * Starts the tree worker before its first batch, so that the thread's start and libxml2-wasm's load (its wasm is
 * compiled as the worker starts) run on the other core while this thread still loads the check (the CLI). It does
 * not keep the process alive while it has nothing to do.
 */
export function prestartTreeWorker(): void {
  if (!current) startTreeWorker().worker.unref();
}

function startTreeWorker(): TreeWorker {
  const tree: TreeWorker = { worker: startReportWorker('xsd-tree-worker'), pending: new Map(), schemasSent: new Set() };
  current = tree;
  tree.worker.on('message', (reply: TreeReply) => {
    tree.pending.get(reply.id)?.(reply);
    tree.pending.delete(reply.id);
    if (tree.pending.size === 0) tree.worker.unref();
  });
  // A worker that broke answers every batch it had with the reason; the next request starts a new one.
  const fail = (message: string) => {
    if (current === tree) current = undefined;
    for (const [id, resolve] of tree.pending) resolve({ id, ok: false, message });
    tree.pending.clear();
  };
  tree.worker.on('error', (error) => fail(error.message));
  tree.worker.on('exit', (code) => fail(`the XSD worker stopped (exit code ${code})`));
  return tree;
}
