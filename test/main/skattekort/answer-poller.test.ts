import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerPoller } from '../../../main/skattekort/answer-poller';
import { AnswerStore } from '../../../main/skattekort/answer-store';
import { skatteetatenTransport } from '../../../main/outbox/transport';
import type { AnswerStatus } from '../../../shared/skattekort/skattekort-views';
import { orderRequestBody } from '../../../shared/skattekort/order';
import type { Submission } from '../../../shared/outbox/submission';
import { EMPLOYER, injectFault, startSkattekortSandbox } from '../support/skattekort-sandbox';

const SCOPE = 'skatteetaten:forskudd';
/** The poller's clock, standing still: a status's nextPollAt minus this is the wait the poller scheduled. */
const NOW = new Date('2026-03-02T10:00:00.000Z');
const PERSONS = ['01018010018', '41018010001'];
const body = () =>
  orderRequestBody({
    inntektsaar: String(new Date().getFullYear()),
    bestillingstype: 'HENT_ALLE_OPPGITTE',
    varslingstype: 'INGEN_VARSEL',
    kontaktinformasjon: { epostadresse: 'lonn@example.no' },
    arbeidsgiver: EMPLOYER,
    arbeidstakere: PERSONS,
  });

let sandbox: Awaited<ReturnType<typeof startSkattekortSandbox>>;
let dir: string;
beforeAll(async () => {
  sandbox = await startSkattekortSandbox();
  dir = await mkdtemp(join(tmpdir(), 'innsender-skattekort-poller-'));
});
afterAll(async () => {
  await sandbox.host.stop();
  await rm(dir, { recursive: true, force: true });
});

function poller(statuses: AnswerStatus[], scope = SCOPE) {
  const store = new AnswerStore(join(dir, randomUUID()));
  const p = new AnswerPoller({
    store,
    client: async () => sandbox.client(scope),
    intervals: { pendingBaseMs: 20, pendingMaxMs: 50 },
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
    now: () => NOW,
    onStatus: (_, s) => statuses.push(s),
  });
  return { p, store };
}

const answerRequests = () => sandbox.host.requests.list().filter((r) => r.path.includes('/svar/'));

describe('the outbox sends the order; the poller fetches the answer', () => {
  it('transport: the receipt maps dialogreferanse to dialogId and keeps the bestillingsreferanse', async () => {
    const transport = skatteetatenTransport({
      amelding: undefined as never,
      aksjonaerregister: undefined as never,
      skattekort: sandbox.client(SCOPE),
    });
    const submission = {
      idempotencyKey: randomUUID(),
      target: { service: 'skattekort-til-arbeidsgiver' },
    } as Submission;
    const receipt = await transport.send(
      submission,
      { service: 'skattekort-til-arbeidsgiver', body: body() },
      { saveCheckpoint: async () => undefined, progress: () => undefined },
    );
    expect(receipt).toEqual({ dialogId: expect.any(String), bestillingsreferanse: expect.any(String) });
  });

  it('204 → waits and asks again; 200 → the answer is on disk, with the body as received', async () => {
    const ref = (await sandbox.client(SCOPE).order(body(), randomUUID())).bestillingsreferanse;
    const statuses: AnswerStatus[] = [];
    const { p, store } = poller(statuses);
    const submissionId = randomUUID();
    const answered = p.whenAnswered(submissionId);
    p.follow({ submissionId, bestillingsreferanse: ref });
    const record = await answered;
    expect(record?.answer.cards.map((c) => c.arbeidstakeridentifikator)).toEqual(PERSONS);
    expect(statuses.some((s) => s.kind === 'waiting' && s.polls === 1)).toBe(true);
    expect(statuses.at(-1)).toMatchObject({ kind: 'ready', employees: 2 });
    expect(await store.get(submissionId)).toEqual(record);
    expect(await store.answered()).toEqual(new Set([submissionId]));
    const raw = JSON.parse(
      await readFile(join((store as unknown as { dir: string }).dir, 'raw', `${submissionId}.json`), 'utf8'),
    );
    expect(raw.arbeidsgiver[0].arbeidstaker).toHaveLength(2);
    await p.stop();
  });

  async function answerWith(fault: Record<string, unknown>) {
    const ref = (await sandbox.client(SCOPE).order(body(), randomUUID())).bestillingsreferanse;
    await injectFault(sandbox.host, { ...fault, pathPrefix: '/skatteetaten/api/forskudd/skattekortTilArbeidsgiver' });
    const statuses: AnswerStatus[] = [];
    const { p } = poller(statuses);
    const before = answerRequests().length;
    const submissionId = randomUUID();
    const answered = p.whenAnswered(submissionId);
    p.follow({ submissionId, bestillingsreferanse: ref });
    const record = await answered;
    await p.stop();
    return {
      record,
      requests: answerRequests().length - before,
      errors: statuses.flatMap((s) => (s.kind === 'waiting' && s.lastError ? [s.lastError.status] : [])),
      /** The wait scheduled after each error, in ms. */
      waitsAfterErrors: statuses.flatMap((s) =>
        s.kind === 'waiting' && s.lastError ? [Date.parse(s.nextPollAt ?? '') - NOW.getTime()] : [],
      ),
    };
  }

  it('503s are waited out with backoff, then the answer comes', async () => {
    const run = await answerWith({ kind: 'status', status: 503, times: 2 });
    expect(run.record?.answer.cards).toHaveLength(2);
    expect(run.errors).toEqual([503, 503]);
    // 2 faults, one 204, one 200.
    expect(run.requests).toBe(4);
  });

  it('a 429 is waited out no sooner than its Retry-After', async () => {
    const run = await answerWith({ kind: 'rate-limit', retryAfterSeconds: 1, times: 1 });
    expect(run.record?.answer.cards).toHaveLength(2);
    expect(run.errors).toEqual([429]);
    // The retry policy alone would wait at most 50 ms here.
    expect(run.waitsAfterErrors[0]).toBeGreaterThanOrEqual(1000);
    expect(run.requests).toBe(3);
  });

  it('a refused token stops polling until "fetch now"', async () => {
    const ref = (await sandbox.client(SCOPE).order(body(), randomUUID())).bestillingsreferanse;
    const statuses: AnswerStatus[] = [];
    const { p } = poller(statuses, 'skatteetaten:innrapporteringamelding');
    const submissionId = randomUUID();
    const answered = p.whenAnswered(submissionId);
    p.follow({ submissionId, bestillingsreferanse: ref });
    expect(await answered).toBeNull();
    expect(p.status(submissionId)).toMatchObject({ kind: 'stopped', error: { status: 403 } });
    await p.stop();
  });
});
