import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueChecked } from '../../../main/outbox/duplicate-guard';
import { createOutbox, type EnqueueInput, type Outbox } from '../../../main/outbox/outbox';
import { payloadDigest } from '../../../main/outbox/payload-digest';
import type { Submission } from '../../../main/outbox/submission';
import type { SubmissionTransport } from '../../../main/outbox/transport';
import { skatteetatenError } from '../../../main/skatteetaten/skatteetaten-errors';
import { AppError } from '../../../shared/domain/app-error';
import { error } from '../../../shared/reports/finding';

const ORG = '314259521';
const NOW = new Date('2026-02-01T10:00:00Z');

/** One report of each kind, `variant` changing its bytes but not what Skatteetaten knows it by. */
const reports = {
  'a-melding': (variant = ''): EnqueueInput => ({
    label: 'A-melding 2026-01 (m-1)',
    target: { service: 'a-melding', kalendermaaned: '2026-01', opplysningspliktig: ORG, meldingsId: 'm-1' },
    payload: { service: 'a-melding', body: `{"leveranse":{"meldingsId":"m-1"${variant}}}` },
  }),
  aksjonaerregisteroppgave: (variant = ''): EnqueueInput => ({
    label: `Aksjonærregisteroppgave 2025 (${ORG})`,
    target: {
      service: 'aksjonaerregisteroppgave',
      inntektsaar: '2025',
      oppgavegiver: ORG,
      underskjemaer: 1,
      aksjeklasse: 'ordinære aksjer',
    },
    payload: {
      service: 'aksjonaerregisteroppgave',
      inntektsaar: '2025',
      hovedskjema: `<Skjema>${variant}</Skjema>`,
      underskjemaer: ['<Skjema/>'],
    },
  }),
  tredjepart: (variant = ''): EnqueueInput => ({
    label: `Boligselskap (RF-1139) 2025 (${ORG})`,
    target: {
      service: 'tredjepart',
      scheme: 'boligselskap',
      inntektsaar: '2025',
      oppgavegiver: ORG,
      antallOppgaver: 1,
      leveransereferanse: 'Borettslag-2025-1',
    },
    payload: { service: 'tredjepart', scheme: 'boligselskap', inntektsaar: '2025', body: `{"leveranse":[]${variant}}` },
  }),
  'skattekort-til-arbeidsgiver': (variant = ''): EnqueueInput => ({
    label: 'Skattekort 2026 (1 arbeidstaker)',
    target: {
      service: 'skattekort-til-arbeidsgiver',
      inntektsaar: '2026',
      arbeidsgiver: ORG,
      bestillingstype: 'HENT_ALLE_OPPGITTE',
      arbeidstakere: 1,
    },
    payload: { service: 'skattekort-til-arbeidsgiver', body: `{"inntektsaar":"2026"${variant}}` },
  }),
};

/** Answers when `release` is called, so a test can act while a submission is `sending`; counts every call. */
function gatedTransport() {
  const calls: string[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((r) => (open = r));
  const transport: SubmissionTransport = {
    async send(s) {
      calls.push(s.id);
      await gate;
      return { dialogId: `d-${s.id}`, forsendelseId: `f-${s.id}`, bestillingsreferanse: `b-${s.id}` };
    },
  };
  return {
    transport,
    calls,
    release: () => open(),
  };
}

describe('the duplicate guard, at enqueue', () => {
  let dir: string;
  let outbox: Outbox;
  let gated: ReturnType<typeof gatedTransport>;
  let clock = Date.parse('2026-02-01T10:00:00Z');

  beforeEach(async () => {
    clock = Date.parse('2026-02-01T10:00:00Z');
    dir = await mkdtemp(join(tmpdir(), 'outbox-guard-'));
    gated = gatedTransport();
    outbox = createOutbox({
      dir,
      transport: gated.transport,
      now: () => new Date(clock),
      sleep: async () => undefined,
    });
    await outbox.start();
  });
  afterEach(async () => {
    gated.release();
    await outbox.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const sending = async (id: string) => {
    for (let i = 0; i < 200 && outbox.get(id)?.state.kind !== 'sending'; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(outbox.get(id)?.state.kind).toBe('sending');
  };

  for (const kind of Object.keys(reports) as (keyof typeof reports)[]) {
    it(`a rerun of a ${kind} while the first is sending attaches to it: one call to Skatteetaten, one receipt`, async () => {
      const first = await outbox.enqueue({ ...reports[kind](), draftId: 'draft-1' });
      await sending(first.id);
      const rerun = await outbox.enqueue({ ...reports[kind](), draftId: 'draft-2' });
      expect(rerun.id).toBe(first.id);
      expect(rerun.state.kind).toBe('sending');
      gated.release();
      await outbox.whenSettled();
      expect(gated.calls).toEqual([first.id]);
      expect(outbox.list()).toHaveLength(1);
      expect(outbox.get(first.id)?.state.kind).toBe('received');
    });
  }

  for (const kind of Object.keys(reports) as (keyof typeof reports)[]) {
    it(`a rerun of a received ${kind} answers with the received submission, never a second one`, async () => {
      gated.release();
      const first = await outbox.enqueue(reports[kind]());
      await outbox.whenSettled();
      const rerun = await outbox.enqueue({ ...reports[kind](), draftId: 'another-draft' });
      expect(rerun).toMatchObject({ id: first.id, state: { kind: 'received' } });
      expect(gated.calls).toEqual([first.id]);
    });
  }

  it('other bytes under an identity Skatteetaten has are refused, naming the receipt and what to do instead', async () => {
    gated.release();
    const sent = {
      'a-melding': await outbox.enqueue(reports['a-melding']()),
      aksjonaerregisteroppgave: await outbox.enqueue(reports.aksjonaerregisteroppgave()),
      tredjepart: await outbox.enqueue(reports.tredjepart()),
    };
    await outbox.whenSettled();
    const refusal = (input: EnqueueInput) =>
      outbox.enqueue(input).then(
        () => null,
        (e: unknown) => e as AppError,
      );

    const amelding = await refusal(reports['a-melding'](',"x":1'));
    expect(amelding?.code).toBe('OUTBOX_ALREADY_SENT');
    expect(amelding?.localized.en).toMatch(
      new RegExp(
        `^Skatteetaten already has meldingsId m-1 with other content\\. Already sent on 1 February 2026, receipt f-${sent['a-melding'].id} `,
      ),
    );
    expect(amelding?.localized.nb).toContain('Gi den nye meldingen en ny meldingsId');
    const rf1086 = await refusal(reports.aksjonaerregisteroppgave('<x/>'));
    expect(rf1086?.localized.en).toMatch(
      /^Skatteetaten already has the shareholder register return of 314259521 for 2025 \(ordinære aksjer\) with other content/,
    );
    const tredjepart = await refusal(reports.tredjepart(',"x":1'));
    expect(tredjepart?.localized.en).toContain('Give the changed leveranse a new oppgavegiversLeveranseReferanse.');
    expect(tredjepart?.details).toEqual([`submission ${sent.tredjepart.id}`]);

    // A skattekort order is known by its exact body on its day: another order is another report, and so is the
    // same (changes-only) order made again the next day in Norway (23:30 UTC on 1 Feb is 2 Feb in Oslo).
    const order = await outbox.enqueue(reports['skattekort-til-arbeidsgiver']());
    const other = await outbox.enqueue(reports['skattekort-til-arbeidsgiver'](',"varslingstype":"INGEN_VARSEL"'));
    expect(other.id).not.toBe(order.id);
    await outbox.whenSettled();
    clock = Date.parse('2026-02-01T22:30:00Z');
    expect((await outbox.enqueue(reports['skattekort-til-arbeidsgiver']())).id).toBe(order.id);
    clock = Date.parse('2026-02-01T23:30:00Z');
    expect((await outbox.enqueue(reports['skattekort-til-arbeidsgiver']())).id).not.toBe(order.id);
    // A tredjepart melding with no leveransereferanse (a CSV import) is known by its bytes.
    const { leveransereferanse: _ref, ...noRef } = reports.tredjepart().target as Extract<
      Submission['target'],
      { service: 'tredjepart' }
    >;
    const csv = await outbox.enqueue({ ...reports.tredjepart(',"csv":1'), target: noRef });
    const csvChanged = await outbox.enqueue({ ...reports.tredjepart(',"csv":2'), target: noRef });
    expect(csvChanged.id).not.toBe(csv.id);
    expect((await outbox.enqueue({ ...reports.tredjepart(',"csv":1'), target: noRef })).id).toBe(csv.id);
  });

  it('other bytes under the identity of one still sending are refused: wait for it, or cancel it', async () => {
    const first = await outbox.enqueue(reports['a-melding']());
    await sending(first.id);
    const refused = await outbox.enqueue(reports['a-melding'](',"x":1')).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(refused?.code).toBe('OUTBOX_ALREADY_SENT');
    expect(refused?.localized.en).toBe(
      'The outbox is already sending meldingsId m-1 with other content. Already in the outbox (sending) since ' +
        '1 February 2026 (A-melding 2026-01 (m-1)). Wait until it is done, or cancel it in the Outbox (possible while it is queued or waiting).',
    );
    expect(refused?.localized.nb).toMatch(/^Utboksen sender allerede meldingsId m-1 med annet innhold\. /);
  });

  it('a rejected or cancelled submission never holds the report: it may be sent again', async () => {
    const rejecting: SubmissionTransport = {
      send: async () => {
        throw skatteetatenError(
          400,
          { kode: 'GLD_010', melding: 'test', korrelasjonsid: 'k', spesifisering: [] },
          undefined,
        );
      },
    };
    await outbox.stop();
    outbox = createOutbox({ dir, transport: rejecting, now: () => new Date(clock), sleep: async () => undefined });
    await outbox.start();
    const rejected = await outbox.enqueue(reports.tredjepart());
    await outbox.whenSettled();
    expect(outbox.get(rejected.id)?.state.kind).toBe('rejected');
    const again = await outbox.enqueue(reports.tredjepart());
    expect(again.id).not.toBe(rejected.id);

    // Not started, so nothing is sent: a queued one cancelled holds nothing either.
    const idle = createOutbox({ dir: join(dir, 'idle'), transport: rejecting, now: () => new Date(clock) });
    const queued = await idle.enqueue(reports.aksjonaerregisteroppgave());
    expect((await idle.enqueue(reports.aksjonaerregisteroppgave())).id).toBe(queued.id);
    await idle.cancel(queued.id);
    expect((await idle.enqueue(reports.aksjonaerregisteroppgave())).id).not.toBe(queued.id);
  });
});

describe('a checked report with errors', () => {
  const findings = [
    error('AMELDING_MELDINGSID_NOT_UNIQUE', 'leveranse/meldingsId', 'Meldingen er sendt før.', 'Sent before.'),
    error('AMELDING_SUM_FORSKUDDSTREKK', 'leveranse/oppgave', 'Summen stemmer ikke.', 'The sum is wrong.'),
  ];
  const held = { id: 'held', payloadSha256: '', state: { kind: 'received' } } as unknown as Submission;

  it('answers with the submission that holds it (a rerun after a crash), whatever its re-check now says', async () => {
    const input = reports['a-melding']();
    const outbox = {
      enqueue: () => Promise.reject(new Error('must not enqueue')),
      list: async () => [{ ...held, target: input.target, payloadSha256: payloadDigest(input.payload).sha256 }],
    };
    expect((await enqueueChecked(outbox, { valid: false, findings, read: () => input }, NOW)).id).toBe('held');
  });

  it('is refused with OUTBOX_DRAFT_INVALID opening with the first finding, every finding in the details', async () => {
    const outbox = { enqueue: () => Promise.reject(new Error('must not enqueue')), list: () => [] };
    const refused = await enqueueChecked(
      outbox,
      { valid: false, findings, read: () => reports['a-melding']() },
      NOW,
    ).then(
      () => {
        throw new Error('not refused');
      },
      (e: unknown) => e as AppError,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe('OUTBOX_DRAFT_INVALID');
    expect(refused.localized.en).toBe(
      'AMELDING_MELDINGSID_NOT_UNIQUE: Sent before. (and 1 more error). The draft has errors that must be fixed before it can be submitted.',
    );
    expect(refused.localized.nb).toMatch(/^AMELDING_MELDINGSID_NOT_UNIQUE: Meldingen er sendt før\. \(og 1 feil til\)/);
    expect(refused.details).toEqual([
      'AMELDING_MELDINGSID_NOT_UNIQUE leveranse/meldingsId',
      'AMELDING_SUM_FORSKUDDSTREKK leveranse/oppgave',
    ]);
  });
});
