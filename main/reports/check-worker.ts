// The worker thread that runs report checks, and routing's reading of who files are for, for the app (see
// check-in-worker.ts): one request per worker.
import { parentPort } from 'node:worker_threads';
import { checkReportFiles } from './check-report-files';
import { identifyReport } from './identify-report';
import type { CheckReply, CheckRequest, IdentifyReply, IdentifyRequest } from './check-in-worker';

const port = parentPort;
if (!port) throw new Error('check-worker.ts runs only as a worker thread');

port.once('message', (request: CheckRequest | IdentifyRequest) => {
  if (request.task === 'identify') {
    const reply = (message: IdentifyReply) => port.postMessage(message);
    try {
      const options = request.maxBytes === undefined ? {} : { maxBytes: request.maxBytes };
      reply({ ok: true, identities: request.inputs.map((input) => identifyReport(input, options)) });
    } catch (thrown) {
      reply({ ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) });
    }
    return;
  }
  const reply = (message: CheckReply) => port.postMessage(message);
  checkReportFiles(request.inputs, { ...request.options, now: () => new Date(request.now) }).then(
    (results) => reply({ ok: true, results }),
    (thrown: unknown) => reply({ ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) }),
  );
});
