import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { FeedbackService } from '../../main/dialogporten/feedback-service';
import { memorySyncStore } from '../../main/dialogporten/feedback-sync-state';
import {
  addFeedback,
  CUSTOMER_ORG,
  startDialogportenSandbox,
  submissionDialog,
} from '../main/support/dialogporten-sandbox';

const CLIENTS = 500;

/**
 * One idle feedback sync of a firm with 500 clients (issue 14): the parties go to Dialogporten in batches of its
 * published `maxPartyFilterValues` (the emulator serves the documented 20), so an idle pass is ceil(500 / 20) = 25
 * searches, with the token cached. Requests are counted at the emulator's request log.
 */
describe('feedback for 500 clients', () => {
  bench(
    `one idle sync of ${CLIENTS} clients`,
    async () => {
      const sandbox = await startDialogportenSandbox(['a-melding']);
      try {
        // 499 clients beside the one the sandbox's systembruker reports for; each of the first 50 has feedback.
        const others = Array.from({ length: CLIENTS - 1 }, (_, i) => String(330000000 + i));
        for (let i = 0; i < 50; i++) {
          const dialog = submissionDialog(sandbox.store, { at: sandbox.clock.now().toISOString() });
          addFeedback(sandbox.store, dialog, sandbox.clock.now().toISOString());
          sandbox.clock.advance(1000);
        }
        const service = new FeedbackService({
          dataDir: mkdtempSync(join(tmpdir(), 'innsender-bench-feedback-')),
          profile: { id: 'firm', orgNumber: CUSTOMER_ORG },
          endpoints: sandbox.endpoints,
          services: ['a-melding'],
          otherOrgs: others,
          accessToken: sandbox.tokenFor,
          now: sandbox.clock.now,
          syncStore: memorySyncStore(),
        });
        const limit = (await service.client.partyFilterLimit()) ?? 20;
        await service.syncOnce(undefined, { maxPartiesPerSearch: limit });
        // Within the token's lifetime (the sandbox's Maskinporten issues tokens for 120 s): one per lifetime, none here.
        sandbox.clock.advance(60_000);

        const mark = sandbox.host.requests.list().length;
        const t0 = performance.now();
        const idle = await service.syncOnce(undefined, { maxPartiesPerSearch: limit });
        const wall = performance.now() - t0;
        const made = sandbox.host.requests.list().slice(mark);
        const searches = made.filter((r) => r.path === '/dialogporten/api/v1/enduser/dialogs').length;
        const tokens = made.filter((r) => r.path === '/maskinporten/token').length;
        const bar = Math.ceil(CLIENTS / limit);
        process.stdout.write(
          `\nidle feedback sync, ${CLIENTS} clients: ${made.length} requests (${searches} searches, ${tokens} token), ` +
            `${wall.toFixed(1)} ms, ${idle.changes.length} changes; bar: ≤ ${bar} searches (limit ${limit})\n`,
        );
        if (searches > bar || tokens > 0 || idle.changes.length > 0) {
          throw new Error(`an idle sync of ${CLIENTS} clients made ${searches} searches and ${tokens} token requests`);
        }
      } finally {
        await sandbox.host.stop();
      }
    },
    { iterations: 1, warmupIterations: 0 },
  );
});
