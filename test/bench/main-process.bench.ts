import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { DIALOGPORTEN_SCOPE, serviceById } from '../../shared/domain/services-catalogue';
import {
  addFeedback,
  CUSTOMER_ORG,
  startDialogportenSandbox,
  submissionDialog,
} from '../main/support/dialogporten-sandbox';
import { testAppServices } from '../main/support/test-app-services';
import { AFTER_HISTORY, FIRM, firmDataDir } from './history-data';
import type { MainProcessInput, MainProcessMessage } from './main-process-child';

/**
 * Issue 14's start and memory figures at 500 clients and 30,000 stored submissions: the main process
 * (main-process-child.ts) runs in a process of its own, started on a data dir holding the firm's history (already
 * imported into the database: the one-time import is history.bench.ts's), then asked for the overview and one idle
 * feedback sync against this process's emulator. Goals: start under 1 s, an idle sync in ≤ ceil(500 / limit) searches.
 */
describe('the main process at 500 clients and 30,000 stored submissions', () => {
  bench(
    'start, overview, idle feedback sync and memory, in a child process',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'innsender-bench-main-'));
      const sandbox = await startDialogportenSandbox(['a-melding']);
      try {
        const { firmId, orgs } = await firmDataDir(dataDir);
        // The one-time import of the JSON layout, so the measured start is an ordinary one.
        await testAppServices(dataDir).services.dispose();
        // Fifty clients with feedback since the last sync: the first pass fetches it, the measured one finds nothing.
        for (let i = 0; i < 50; i++) {
          const at = sandbox.clock.now().toISOString();
          addFeedback(sandbox.store, submissionDialog(sandbox.store, { at }), at);
          sandbox.clock.advance(1000);
        }
        const scopes = [DIALOGPORTEN_SCOPE, serviceById('a-melding').scope];
        const tokens = Object.fromEntries(await Promise.all(scopes.map(async (s) => [s, await sandbox.tokenFor(s)])));
        const input: MainProcessInput = {
          dataDir,
          firmProfileId: firmId,
          appNow: AFTER_HISTORY().toISOString(),
          feedback: {
            endpoints: sandbox.endpoints,
            now: sandbox.clock.now().toISOString(),
            tokens,
            partyOrg: CUSTOMER_ORG,
            clientOrgs: orgs.slice(0, FIRM.clients - 1),
          },
        };

        const messages: MainProcessMessage[] = [];
        let mark = 0;
        const child = fork(join(import.meta.dirname, 'main-process-child.ts'), {
          execArgv: ['--import', 'tsx', '--expose-gc'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
        child.on('message', (message: MainProcessMessage) => {
          messages.push(message);
          if (message.kind === 'idle-sync-next') {
            mark = sandbox.host.requests.list().length;
            child.send('go');
          }
        });
        child.send(input);
        const code = await exited;
        if (code !== 0) throw new Error(`the main process exited with ${code}`);

        const made = sandbox.host.requests.list().slice(mark);
        const searches = made.filter((r) => r.path === '/dialogporten/api/v1/enduser/dialogs').length;
        const tokensAsked = made.filter((r) => r.path === '/maskinporten/token').length;
        const limit = 20;
        const bar = Math.ceil(FIRM.clients / limit);
        const of = <K extends MainProcessMessage['kind']>(kind: K) =>
          messages.filter((m): m is Extract<MainProcessMessage, { kind: K }> => m.kind === kind);
        const [started] = of('started');
        const [loaded] = of('firm-outbox-loaded');
        const [overview] = of('overview');
        const [idle] = of('idle-sync-done');
        const [withCode, afterStart, afterWork] = of('memory');
        if (!started || !loaded || !overview || !idle || !withCode || !afterStart || !afterWork)
          throw new Error('a step did not report');
        const ms = (n: number) => `${n.toFixed(0)} ms`;
        const mb = (m: { figures: { rssMb: number; heapUsedMb: number } }) =>
          `RSS ${m.figures.rssMb.toFixed(0)} MB, heap ${m.figures.heapUsedMb.toFixed(0)} MB`;
        process.stdout.write(
          [
            '',
            `main process, ${FIRM.clients} clients, ${FIRM.clients * FIRM.perClient} stored submissions:`,
            `  start until the overview answers: ${ms(started.startMs)} (services ${ms(started.servicesMs)}, ` +
              `outbox workers ${ms(started.outboxStartMs)}, first overview ${ms(started.firstOverviewMs)}); ` +
              `a set-up firm's outbox loading its ${loaded.records} records: +${ms(loaded.loadMs)}`,
            `  overview again: ${ms(overview.ms)} (${overview.rows} rows)`,
            `  idle feedback sync: ${made.length} requests (${searches} searches, ${tokensAsked} token), ${ms(idle.ms)}, ` +
              `${idle.changes} changes; bar: ≤ ${bar} searches (limit ${limit})`,
            `  memory with the code loaded: ${mb(withCode)}; after start: ${mb(afterStart)}; ` +
              `after the overview and the idle sync: ${mb(afterWork)}`,
            '',
          ].join('\n'),
        );
        if (searches > bar || tokensAsked > 0 || idle.changes > 0) {
          throw new Error(`an idle sync of ${FIRM.clients} clients made ${searches} searches`);
        }
      } finally {
        await sandbox.host.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
