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
 * reads, parses and runs the rules while the forms are validated: for 5,000 RF-1086 forms each side is about
 * 0.4–0.5 s of CPU. One worker for the thread's lifetime, started on first use: the schemas it compiled stay
 * compiled. It does not keep the process alive while it has nothing to do.
 */
export async function validateTreesInWorker(
  documents: readonly XsdDocument[],
  schema: TreeSchema,
): Promise<Map<string, Finding[]>> {
  const batches: Promise<TreeReply>[] = [];
  // Posted in batches: the worker starts on the first while the next are cloned to it.
  for (let start = 0; start < documents.length; start += TREE_BATCH) {
    const batch = documents.slice(start, start + TREE_BATCH).map(({ key, xml }) => ({ key, xml }));
    batches.push(request(schema, batch));
  }
  const result = new Map<string, Finding[]>();
  for (const [i, reply] of (await Promise.all(batches)).entries()) {
    if (reply.ok) for (const [key, found] of reply.findings) result.set(key, found);
    else {
      const failed = validatorFailedFinding(reply.message);
      for (const { key } of documents.slice(i * TREE_BATCH, (i + 1) * TREE_BATCH)) result.set(key, [failed]);
    }
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
