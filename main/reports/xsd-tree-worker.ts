// The worker thread that validates RF-1086 forms with libxml2-wasm (xsd-tree-in-worker.ts starts it): the schemas
// it compiles stay compiled for every later request, and the check's own thread parses the forms meanwhile.
import { parentPort } from 'node:worker_threads';
import type { TreeReply, TreeRequest } from './xsd-tree-in-worker';
import { libxml2, validateTrees } from './xsd-tree-validate';

const port = parentPort;
if (!port) throw new Error('xsd-tree-worker.ts runs only as a worker thread');

// Started only when forms are to be validated, maybe ahead of the first (prestartTreeWorker): libxml2-wasm's load
// and wasm compile begin at once instead of with the first batch.
libxml2().catch(() => undefined); // a failed load is reported with the first batch

const schemaTexts = new Map<string, string>();

// Requests are answered one after the other, in the order sent, as the caller's batches are.
let queue = Promise.resolve();
port.on('message', (request: TreeRequest) => {
  if (request.schemaText !== undefined) schemaTexts.set(request.schemaKey, request.schemaText);
  queue = queue.then(async () => {
    let reply: TreeReply;
    try {
      const text = schemaTexts.get(request.schemaKey) ?? '';
      const found = await validateTrees(request.documents, { key: request.schemaKey, text });
      reply = { id: request.id, ok: true, findings: [...found] };
    } catch (thrown) {
      reply = { id: request.id, ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) };
    }
    port.postMessage(reply);
  });
});
