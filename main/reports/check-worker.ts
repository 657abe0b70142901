// The worker thread that runs report checks for the app (see check-in-worker.ts): one check per worker.
import { parentPort } from 'node:worker_threads';
import { checkReportFiles } from './check-report-files';
import type { CheckReply, CheckRequest } from './check-in-worker';

const port = parentPort;
if (!port) throw new Error('check-worker.ts runs only as a worker thread');

port.once('message', (request: CheckRequest) => {
  const reply = (message: CheckReply) => port.postMessage(message);
  checkReportFiles(request.inputs, { ...request.options, now: () => new Date(request.now) }).then(
    (results) => reply({ ok: true, results }),
    (thrown: unknown) => reply({ ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) }),
  );
});
