import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMeldingClient } from '../../../main/skatteetaten/amelding-client';
import { SkatteetatenError } from '../../../main/skatteetaten/skatteetaten-errors';
import { asReplacement } from '../../../shared/reports/amelding/replacement-body';
import { aMeldingBody } from '../support/report-fixtures';
import {
  AMELDING_ORG,
  clientsFor,
  skatteetatenState,
  startSkatteetatenSandbox,
  type SkatteetatenSandbox,
} from '../support/skatteetaten-sandbox';

/** The corrected a-melding as the replacement of `replaces`, under the meldingsId `id` (replacement-body.ts). */
function replacementBody(body: string, replaces: string, id: string): string {
  const made = asReplacement(
    body,
    { meldingsId: replaces, kalendermaaned: '2026-01', opplysningspliktig: AMELDING_ORG },
    () => id,
  );
  if (!made.ok) throw new Error(made.error.en);
  return made.body;
}

describe('the a-melding client against the sandbox Skatteetaten', () => {
  let sandbox: SkatteetatenSandbox;
  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([AMELDING_ORG]);
  });
  afterAll(() => sandbox.host.stop());

  const submission = (meldingsId: string, key = randomUUID()) => ({
    kalendermaaned: '2026-01',
    opplysningspliktig: AMELDING_ORG,
    body: aMeldingBody(meldingsId),
    idempotencyKey: key,
  });

  it('submits, and the same key and body give the same receipt without a second submission', async () => {
    const { amelding } = clientsFor(sandbox, AMELDING_ORG);
    const s = submission('m-direct-1');
    const first = await amelding.submit(s);
    expect(first).toMatchObject({ meldingsId: 'm-direct-1' });
    expect(await amelding.submit(s)).toEqual(first);
    const { skatteetaten, dialogporten } = await skatteetatenState(sandbox.host);
    expect(skatteetaten.receiptsByIdempotencyKey[s.idempotencyKey]).toBe(1);
    expect(skatteetaten.receiptsByMeldingsId[`${AMELDING_ORG}/m-direct-1`]).toBe(1);
    const dialog = dialogporten.dialogs.find((d) => d.id === first.dialogId);
    expect(dialog?.transmissions.map((t) => [t.id, t.type])).toEqual([[first.forsendelseId, 'Submission']]);
    expect(dialogporten.pending.some((p) => p.dialogIds.includes(first.dialogId))).toBe(true);
  });

  it('answers the same key with another body with 409 AMLD_019, keeping the korrelasjonsid', async () => {
    const { amelding } = clientsFor(sandbox, AMELDING_ORG);
    const key = randomUUID();
    await amelding.submit(submission('m-conflict-1', key));
    const error = await amelding.submit(submission('m-conflict-2', key)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkatteetatenError);
    const e = error as SkatteetatenError;
    expect([e.status, e.code, e.kind]).toEqual([409, 'SKATTEETATEN_AMLD_019', 'rejected']);
    expect(e.korrelasjonsid).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.localized.nb).toContain(e.korrelasjonsid);
    expect(e.localized.en).toContain('Quote correlation id');
  });

  it('rejects a file that fails the project checks with AMLD_010 and the finding codes', async () => {
    const { amelding } = clientsFor(sandbox, AMELDING_ORG);
    const bad = aMeldingBody('m-bad', { kalendermaaned: '2026-13' });
    const error = (await amelding
      .submit({ kalendermaaned: '2026-13', opplysningspliktig: AMELDING_ORG, body: bad, idempotencyKey: randomUUID() })
      .catch((e: unknown) => e)) as SkatteetatenError;
    expect(error.status).toBe(400);
    expect(error.body.kode).toBe('AMLD_010');
    expect(error.body.spesifisering.length).toBeGreaterThan(0);
    const mismatch = (await amelding
      .submit({ ...submission('m-mismatch'), kalendermaaned: '2026-02' })
      .catch((e: unknown) => e)) as SkatteetatenError;
    expect(mismatch.body.spesifisering[0]?.kode).toBe('AMLD_1052');
  });

  it('refuses a systembruker of another org (AMLD_1015) and a token without system user (AMLD_1063)', async () => {
    const { amelding } = clientsFor(sandbox, AMELDING_ORG);
    const other = { ...submission('m-other'), opplysningspliktig: '974761076' };
    const e1 = (await amelding.submit(other).catch((e: unknown) => e)) as SkatteetatenError;
    expect([e1.status, e1.body.spesifisering[0]?.kode, e1.kind]).toEqual([403, 'AMLD_1015', 'needs-action']);
    const plain = clientsFor(
      {
        ...sandbox,
        tokensFor: () => ({
          token: async (scope) => (await sandbox.maskinporten.tokenForScopes({ scopes: [scope] })).value,
          invalidate: () => undefined,
        }),
      },
      AMELDING_ORG,
    );
    const e2 = (await plain.amelding.submit(submission('m-plain')).catch((e: unknown) => e)) as SkatteetatenError;
    expect(e2.body.spesifisering[0]?.kode).toBe('AMLD_1063');
  });

  it('takes a large file through upload, status polling and submit, and resumes an upload by its id', async () => {
    const { amelding } = clientsFor(sandbox, AMELDING_ORG, { directLimitBytes: 100 });
    const s = submission('m-large-1');
    expect(amelding.needsUpload(s.body)).toBe(true);
    const statuses: string[] = [];
    let uploaded = '';
    const receipt = await amelding.submitLarge(s, {
      onUploaded: async (id) => {
        uploaded = id;
      },
      onStatus: (st) => statuses.push(st.status),
    });
    expect(statuses[0]).toBe('LASTER_OPP');
    expect(statuses.at(-1)).toBe('KLAR_TIL_INNSENDING');
    // After a crash between submit and saving the receipt: the same upload and key give the same receipt.
    expect(await amelding.submitLarge(s, { uploadId: uploaded })).toEqual(receipt);
    const { skatteetaten } = await skatteetatenState(sandbox.host);
    expect(skatteetaten.receiptsByIdempotencyKey[s.idempotencyKey]).toBe(1);
  });

  it('shows a failed upload validation as a rejection with the feilliste', async () => {
    const { amelding } = clientsFor(sandbox, AMELDING_ORG, { directLimitBytes: 100 });
    const bad = { ...submission('m-large-bad'), body: aMeldingBody('m-large-bad', { kalendermaaned: '2026-13' }) };
    const error = (await amelding.submitLarge(bad).catch((e: unknown) => e)) as SkatteetatenError;
    expect([error.body.kode, error.kind]).toEqual(['AMLD_010', 'rejected']);
    expect(error.body.spesifisering.length).toBeGreaterThan(0);
  });

  it('replaces an a-melding, and serves the feedback document once it is due', async () => {
    const { amelding } = clientsFor(sandbox, AMELDING_ORG);
    const first = await amelding.submit(submission('m-orig'));
    const replacement = await amelding.submit({
      ...submission('m-repl'),
      body: replacementBody(aMeldingBody('m-orig'), 'm-orig', 'm-repl'),
    });
    const { skatteetaten, dialogporten } = await skatteetatenState(sandbox.host);
    expect(skatteetaten.submissions.find((x) => x.reference === 'm-repl')?.replaces).toBe('m-orig');
    const pending = dialogporten.pending.find((p) => p.dialogIds.includes(replacement.dialogId));
    const url = pending?.transmission.attachments?.[0]?.urls?.[0]?.url as string;
    const [, forsendelseId, dokumentId] = /forsendelser\/([^/]+)\/dokumenter\/([^/]+)$/.exec(url) ?? [];
    const early = (await amelding.document(forsendelseId!, dokumentId!).catch((e: unknown) => e)) as SkatteetatenError;
    expect(early.body.spesifisering[0]?.kode).toBe('AMLD_1050');
    expect(first.forsendelseId).not.toBe(replacement.forsendelseId);
  });
});

// An upload a crashed attempt left and Skatteetaten let expire before it was sent in (404 AMLD_021 with AMLD_1023,
// skatteetaten-apis.md §1.4's error codes; the lifetime itself is not published, so the emulator's is a setting).
describe('an expired a-melding upload', () => {
  let sandbox: SkatteetatenSandbox;
  let clock = Date.parse('2026-02-02T09:00:00Z');
  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([AMELDING_ORG], {
      now: () => new Date(clock),
      emulator: { uploadExpiryMs: 60 * 60_000, uploadValidationMs: 0 },
    });
  });
  afterAll(() => sandbox.host.stop());

  it('is uploaded again and sent in once, the new upload id saved', async () => {
    const { amelding } = clientsFor(sandbox, AMELDING_ORG, { directLimitBytes: 100 });
    const s = {
      kalendermaaned: '2026-01',
      opplysningspliktig: AMELDING_ORG,
      body: aMeldingBody('m-expired'),
      idempotencyKey: randomUUID(),
    };
    const stale = (await amelding.upload(s.body)).id;
    clock += 60 * 60_000 + 1;
    const saved: string[] = [];
    const receipt = await amelding.submitLarge(s, { uploadId: stale, onUploaded: async (id) => void saved.push(id) });
    expect(receipt.meldingsId).toBe('m-expired');
    expect(saved).toHaveLength(1);
    expect(saved[0]).not.toBe(stale);
    const gone = (await amelding.uploadStatus(stale).catch((e: unknown) => e)) as SkatteetatenError;
    expect([gone.status, gone.body.kode, gone.body.spesifisering[0]?.kode]).toEqual([404, 'AMLD_021', 'AMLD_1023']);
    const { skatteetaten } = await skatteetatenState(sandbox.host);
    expect(skatteetaten.receiptsByIdempotencyKey[s.idempotencyKey]).toBe(1);
  });
});

// A proxy (or a guest network) that answers 2xx with JSON of its own: the receipt's fields are missing, and the body
// is not Skatteetaten's words, so it is never quoted to the user as if it were.
describe('an a-melding answered 2xx with a body that is not a receipt', () => {
  it('is a passing fault whose message quotes nothing of the body; the start of it goes to the details', async () => {
    const proxyBody = '{"status":"ok","gateway":"corp-proxy-7"}';
    const client = new AMeldingClient({
      base: 'http://127.0.0.1:9/skatteetaten/innrapporteringamelding/v1',
      http: {
        send: async () => ({ status: 200, text: proxyBody, json: <T>() => JSON.parse(proxyBody) as T }),
      },
    });
    const error = await client
      .submit({ kalendermaaned: '2026-01', opplysningspliktig: '211785462', body: '{}', idempotencyKey: 'k' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkatteetatenError);
    const e = error as SkatteetatenError;
    expect(e).toMatchObject({ code: 'SKATTEETATEN_UNREADABLE_ANSWER', kind: 'transient', status: 200 });
    for (const text of [e.localized.nb, e.localized.en]) expect(text).not.toMatch(/corp-proxy|\{|HTTP 502/);
    expect(e.details).toEqual([`HTTP_200 ${proxyBody}`]);
  });
});
