import { createAppServices } from '../../main/app-services';
import { FeedbackService } from '../../main/dialogporten/feedback-service';
import { silentLogger } from '../../main/log/logger';
import { createOutbox } from '../../main/outbox/outbox';
import type { ClientOverview } from '../../shared/domain/client-overview';
import type { Endpoints } from '../../shared/domain/endpoints';
import { recordingDesktop } from '../main/support/test-app-services';

/**
 * Innsender's main process, alone in a process of its own (forked by main-process.bench.ts, so no bench, emulator or
 * test runner shares its heap): started on a data dir holding a firm's 30,000 submissions, then asked for the
 * overview and one idle feedback sync against the parent's emulator. It reports each step's time and the memory after
 * the start and after the work, each measured after a full garbage collection (`--expose-gc`).
 */
export interface MainProcessInput {
  dataDir: string;
  firmProfileId: string;
  /** The app's clock (ISO): set after the history's last month, so the deadlines shown are ones it meets or misses. */
  appNow: string;
  feedback: {
    endpoints: Endpoints;
    /** The emulator's clock (ISO) and a token per scope from it: the child signs nothing. */
    now: string;
    tokens: Record<string, string>;
    partyOrg: string;
    clientOrgs: string[];
  };
}

export interface MemoryFigures {
  rssMb: number;
  heapUsedMb: number;
}

export type MainProcessMessage =
  | { kind: 'started'; startMs: number; servicesMs: number; outboxStartMs: number; firstOverviewMs: number }
  | { kind: 'firm-outbox-loaded'; loadMs: number; records: number }
  | { kind: 'memory'; after: 'code' | 'start' | 'work'; figures: MemoryFigures }
  | { kind: 'idle-sync-next' }
  | { kind: 'idle-sync-done'; ms: number; changes: number }
  | { kind: 'overview'; ms: number; rows: number };

const send = (message: MainProcessMessage) =>
  new Promise<void>((resolve) => (process.send as NonNullable<typeof process.send>)(message, () => resolve()));

const memory = (): MemoryFigures => {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / 2 ** 20, heapUsedMb: usage.heapUsed / 2 ** 20 };
};

const go = () => new Promise<void>((resolve) => process.once('message', () => resolve()));

async function run(input: MainProcessInput): Promise<void> {
  // The modules loaded (and tsx's compiler beside them), nothing opened yet: the floor the data adds to.
  await send({ kind: 'memory', after: 'code', figures: memory() });
  const now = () => new Date(input.appNow);
  const t0 = performance.now();
  const services = createAppServices({
    dataDir: input.dataDir,
    host: 'node',
    version: '0.0.0-bench',
    log: silentLogger,
    desktop: recordingDesktop().desktop,
    now,
  });
  const t1 = performance.now();
  await services.outbox.start();
  const t2 = performance.now();
  const first = await services.dispatch('firm.overview', undefined);
  if (!first.ok) throw new Error(first.error.code);
  const t3 = performance.now();
  await send({
    kind: 'started',
    startMs: t3 - t0,
    servicesMs: t1 - t0,
    outboxStartMs: t2 - t1,
    firstOverviewMs: t3 - t2,
  });
  // The firm here has no systembruker, so the workers leave its outbox stopped; a set-up firm's outbox loads every
  // record at the start, as this does (its transport answers at once, as history.bench.ts's: the few queued records
  // are "received" on the spot).
  const t4 = performance.now();
  const firmOutbox = createOutbox({
    dir: input.dataDir,
    store: services.store.submissions(input.firmProfileId),
    transport: { send: async () => ({ dialogId: 'd', forsendelseId: 'f' }) },
    now,
  });
  await firmOutbox.start();
  await send({ kind: 'firm-outbox-loaded', loadMs: performance.now() - t4, records: firmOutbox.list().length });
  await send({ kind: 'memory', after: 'start', figures: memory() });

  const t5 = performance.now();
  const overview = await services.dispatch('firm.overview', undefined);
  if (!overview.ok) throw new Error(overview.error.code);
  await send({ kind: 'overview', ms: performance.now() - t5, rows: (overview.value as ClientOverview).rows.length });

  // The firm's feedback state in the store (a dialog per received submission), searched for its 500 clients.
  const f = input.feedback;
  const feedback = new FeedbackService({
    dataDir: input.dataDir,
    profile: { id: input.firmProfileId, orgNumber: f.partyOrg },
    endpoints: f.endpoints,
    services: ['a-melding'],
    otherOrgs: f.clientOrgs,
    accessToken: async (scope) => f.tokens[scope] ?? '',
    now: () => new Date(f.now),
  });
  const limit = (await feedback.client.partyFilterLimit()) ?? 20;
  await feedback.syncOnce(undefined, { maxPartiesPerSearch: limit });
  await send({ kind: 'idle-sync-next' });
  await go();
  const t6 = performance.now();
  const idle = await feedback.syncOnce(undefined, { maxPartiesPerSearch: limit });
  await send({ kind: 'idle-sync-done', ms: performance.now() - t6, changes: idle.changes.length });
  await send({ kind: 'memory', after: 'work', figures: memory() });

  await firmOutbox.stop();
  await services.dispose();
}

process.once('message', (input: MainProcessInput) => {
  run(input).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
