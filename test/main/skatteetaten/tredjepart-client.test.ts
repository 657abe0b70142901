import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandboxEndpoints } from '../../../main/environments/table';
import { tilbakemelding } from '../../../main/sandbox/skatteetaten/tredjepart-routes';
import { SkatteetatenError } from '../../../main/skatteetaten/skatteetaten-errors';
import { createSkatteetatenHttp } from '../../../main/skatteetaten/skatteetaten-http';
import { TredjepartClient, tredjepartBase } from '../../../main/skatteetaten/tredjepart-client';
import { SCHEME_IDS } from '../../../shared/tredjepart/schemes';
import { interpretFeedbackDocument } from '../../../shared/feedback/interpret-feedback';
import { tredjepartBody } from '../support/tredjepart-fixtures';
import { skatteetatenState, startSkatteetatenSandbox, type SkatteetatenSandbox } from '../support/skatteetaten-sandbox';

const ORG = '974761076';
const OTHER_ORG = '314259521';
const body = tredjepartBody;

describe('the tredjepart client against the sandbox Skatteetaten', () => {
  let sandbox: SkatteetatenSandbox;
  let client: TredjepartClient;
  const fail = (p: Promise<unknown>) =>
    p.then(
      () => expect.unreachable('it succeeded'),
      (e: unknown) => e as SkatteetatenError,
    );

  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([ORG, OTHER_ORG], {
      services: [
        'tredjepart-boligselskap',
        'tredjepart-boligsameie',
        'tredjepart-gaver-frivillige',
        'tredjepart-aksjesparekonto',
        'tredjepart-finansprodukter',
        'tredjepart-skattefrie-utbetalinger',
        'tredjepart-opphaverrett',
      ],
    });
    const endpoints = sandboxEndpoints(sandbox.host.baseUrl);
    client = new TredjepartClient({
      http: createSkatteetatenHttp({ tokens: sandbox.tokensFor(ORG), timeoutMs: 5000 }),
      template: endpoints.skatteetaten.tredjepartTemplate,
    });
  });
  afterEach(() => sandbox.host.faults.clear());
  afterAll(() => sandbox.host.stop());

  it('puts the scheme API name into the host template', () => {
    expect(tredjepartBase('https://innrapportering{scheme}.api.skatteetaten.no/v1', 'gavertilfrivillige')).toBe(
      'https://innrapporteringgavertilfrivillige.api.skatteetaten.no/v1',
    );
  });

  // Every scheme's example melding (test/fixtures/tredjepart/, sources in check-melding.test.ts); the receipt has the
  // pages' "Eksempel på respons" fields: dialogId, forsendelseId, oppgavegiversLeveranseReferanse, antallOppgaver.
  it.each(SCHEME_IDS)(
    'submits a %s melding once per key: a replay answers the same receipt, and the dialog is made',
    async (scheme) => {
      const key = randomUUID();
      const request = { scheme, inntektsaar: '2025', body: body(scheme), idempotencyKey: key };
      const receipt = await client.submit(request);
      expect(await client.submit(request)).toEqual(receipt);
      expect(receipt.antallOppgaver).toBeGreaterThan(0);
      const { skatteetaten, dialogporten } = await skatteetatenState(sandbox.host);
      const state = (await (
        await fetch(`${sandbox.host.baseUrl}/__admin/state`, {
          headers: { 'x-innsender-admin': sandbox.host.adminToken },
        })
      ).json()) as { tredjepart: { receiptsByIdempotencyKey: Record<string, number> } };
      expect(state.tredjepart.receiptsByIdempotencyKey[key]).toBe(1);
      const dialog = dialogporten.dialogs.find((d) => d.id === receipt.dialogId);
      expect(dialog?.serviceResource).toMatch(/^urn:altinn:resource:ske-innrapportering-/);
      expect(dialog?.externalReference).toBe(receipt.oppgavegiversLeveranseReferanse);
      // The submitted file is served back from the document endpoint.
      const documents = skatteetaten.documents[receipt.forsendelseId] ?? {};
      const [dokumentId] = Object.keys(documents);
      expect(JSON.parse(await client.document(scheme, receipt.forsendelseId, dokumentId as string))).toEqual(
        JSON.parse(request.body),
      );
    },
  );

  it('maps a body that fails the checks to 400 GLD_010 with the finding codes, rejected', async () => {
    const e = await fail(
      client.submit({
        scheme: 'gavertilfrivillige',
        inntektsaar: '2025',
        body: body('gavertilfrivillige', (m) => (m.leveranse.oppgaveoppsummering.sumBeloep = '1')),
        idempotencyKey: randomUUID(),
      }),
    );
    expect(e).toBeInstanceOf(SkatteetatenError);
    expect([e.status, e.body.kode, e.kind, e.code]).toEqual([400, 'GLD_010', 'rejected', 'SKATTEETATEN_GLD_010']);
    expect(e.body.spesifisering.map((s) => s.kode)).toContain('TREDJEPART_SUM_MISMATCH');
    expect(e.korrelasjonsid).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.localized.nb).toContain('Filen ble avvist i valideringen.');
  });

  it('names GLD_1052 for a leveranse year unlike the path (mixed years too), GLD_008 for broken JSON', async () => {
    const mixed = await fail(
      client.submit({
        scheme: 'boligselskap',
        inntektsaar: '2025',
        body: body('boligselskap', (m) => m.leveranse.push({ ...m.leveranse[0], inntektsaar: 2024 })),
        idempotencyKey: randomUUID(),
      }),
    );
    expect(mixed.body.spesifisering.map((s) => s.kode)).toContain('GLD_1052');
    const year = await fail(
      client.submit({
        scheme: 'boligsameie',
        inntektsaar: '2024',
        body: body('boligsameie'),
        idempotencyKey: randomUUID(),
      }),
    );
    expect([year.body.kode, year.body.spesifisering[0]?.kode]).toEqual(['GLD_011', 'GLD_1052']);
    const broken = await fail(
      client.submit({
        scheme: 'boligsameie',
        inntektsaar: '2025',
        body: '{"leveranse":',
        idempotencyKey: randomUUID(),
      }),
    );
    expect([broken.status, broken.body.kode, broken.kind]).toEqual([400, 'GLD_008', 'rejected']);
  });

  it('answers 403 GLD_005/GLD_1015 when the oppgavegiver is not the system user’s org: needs action', async () => {
    const e = await fail(
      client.submit({
        scheme: 'boligsameie',
        inntektsaar: '2025',
        body: body('boligsameie', (m) => (m.leveranse.oppgavegiver.organisasjonsnummer = OTHER_ORG)),
        idempotencyKey: randomUUID(),
      }),
    );
    expect([e.status, e.body.kode, e.body.spesifisering[0]?.kode, e.kind]).toEqual([
      403,
      'GLD_005',
      'GLD_1015',
      'needs-action',
    ]);
  });

  it('answers 409 GLD_019 for a key reused with another body', async () => {
    const key = randomUUID();
    await client.submit({
      scheme: 'gavertilfrivillige',
      inntektsaar: '2025',
      body: body('gavertilfrivillige'),
      idempotencyKey: key,
    });
    const e = await fail(
      client.submit({
        scheme: 'gavertilfrivillige',
        inntektsaar: '2025',
        body: body('gavertilfrivillige', (m) => (m.leveranse.kildesystem = 'other')),
        idempotencyKey: key,
      }),
    );
    expect([e.status, e.code, e.kind]).toEqual([409, 'SKATTEETATEN_GLD_019', 'rejected']);
  });

  it('passes on 429 with Retry-After and 5xx as transient', async () => {
    const prefix = '/skatteetaten/innrapporteringgavertilfrivillige/v1/';
    sandbox.host.faults.add({ kind: 'rate-limit', retryAfterSeconds: 7, pathPrefix: prefix, times: 1 });
    const limited = await fail(
      client.submit({
        scheme: 'gavertilfrivillige',
        inntektsaar: '2025',
        body: body('gavertilfrivillige'),
        idempotencyKey: randomUUID(),
      }),
    );
    expect([limited.status, limited.kind, limited.retryAfterMs]).toEqual([429, 'transient', 7000]);
    sandbox.host.faults.add({ kind: 'status', status: 503, pathPrefix: prefix, times: 1 });
    const down = await fail(
      client.submit({
        scheme: 'gavertilfrivillige',
        inntektsaar: '2025',
        body: body('gavertilfrivillige'),
        idempotencyKey: randomUUID(),
      }),
    );
    expect([down.status, down.kind]).toEqual([503, 'transient']);
  });

  it('refuses a token for another scheme’s scope (403 GLD_005), and never asks for a scope the client lacks', async () => {
    const token = await sandbox.tokensFor(ORG).token('skatteetaten:innrapporteringboligselskap');
    const response = await fetch(`${sandbox.host.baseUrl}/skatteetaten/innrapporteringgavertilfrivillige/v1/2025`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'content-type': 'application/json',
        idempotencyKey: randomUUID(),
      },
      body: body('gavertilfrivillige'),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ kode: 'GLD_005', spesifisering: [{ kode: 'GLD_1023' }] });

    const other = await startSkatteetatenSandbox([ORG], { services: ['tredjepart-boligselskap'] });
    try {
      const narrow = new TredjepartClient({
        http: createSkatteetatenHttp({ tokens: other.tokensFor(ORG) }),
        template: sandboxEndpoints(other.host.baseUrl).skatteetaten.tredjepartTemplate,
      });
      const e = (await narrow
        .submit({
          scheme: 'gavertilfrivillige',
          inntektsaar: '2025',
          body: body('gavertilfrivillige'),
          idempotencyKey: randomUUID(),
        })
        .catch((x: unknown) => x)) as { code: string };
      expect(e.code).toBe('MASKINPORTEN_SCOPE_NOT_ON_CLIENT');
      expect(other.host.requests.list().filter((r) => r.path.startsWith('/skatteetaten/'))).toEqual([]);
    } finally {
      await other.host.stop();
    }
  });

  it('answers boligselskap with the reference and count per formål, the other schemes at the top level', async () => {
    const answers: Record<string, unknown>[] = [];
    const http = createSkatteetatenHttp({ tokens: sandbox.tokensFor(ORG), timeoutMs: 5000 });
    const recording = new TredjepartClient({
      http: {
        send: async (request) => {
          const response = await http.send(request);
          answers.push(response.json<Record<string, unknown>>());
          return response;
        },
      },
      template: sandboxEndpoints(sandbox.host.baseUrl).skatteetaten.tredjepartTemplate,
    });
    const submit = (scheme: 'boligselskap' | 'boligsameie') =>
      recording.submit({ scheme, inntektsaar: '2025', body: body(scheme), idempotencyKey: randomUUID() });
    const housing = await submit('boligselskap');
    const melding = JSON.parse(body('boligselskap')) as { leveranse: { oppgave: unknown[] }[] };
    // The shape of docs/api/innrapportering-boligselskap.md @ a147dc2c ("Eksempel på respons").
    expect(answers[0]).toEqual({
      dialogId: housing.dialogId,
      forsendelseId: housing.forsendelseId,
      leveranseformaal: melding.leveranse.map(() => ({
        boligselskapFormaal: expect.any(String),
        oppgavegiversLeveranseReferanse: expect.any(String),
        antallSletteoppgaver: expect.any(Number),
        antallOppgaver: expect.any(Number),
      })),
    });
    expect(housing.antallOppgaver).toBe(melding.leveranse.reduce((n, l) => n + l.oppgave.length, 0));
    expect(housing.oppgavegiversLeveranseReferanse).toEqual(expect.any(String));
    await submit('boligsameie');
    expect(answers[1]).toMatchObject({ oppgavegiversLeveranseReferanse: expect.any(String), antallOppgaver: 2 });
    expect(answers[1]).not.toHaveProperty('leveranseformaal');
  });

  it('writes feedback that reads as the scheme’s approval', () => {
    const doc = tilbakemelding(
      {
        scheme: 'boligselskap',
        idempotencyKey: randomUUID(),
        org: ORG,
        inntektsaar: '2025',
        reference: 'R-1',
        dialogId: randomUUID(),
        forsendelseId: randomUUID(),
        antallOppgaver: 2,
        receivedAt: new Date().toISOString(),
      },
      [],
      new Date().toISOString(),
    );
    const view = interpretFeedbackDocument(JSON.stringify(doc), 'application/json');
    expect(view).toMatchObject({ kind: 'tredjepart', scheme: 'boligselskap', outcome: 'approved' });
  });
});

describe('reading a receipt in each of Skatteetaten’s published shapes', () => {
  const answering = (text: string) =>
    new TredjepartClient({
      http: { send: async () => ({ status: 200, text, json: <T>() => JSON.parse(text) as T }) },
      template: 'https://innrapportering{scheme}.api.test/v1',
    });
  const submit = (text: string, scheme: 'boligselskap' | 'boligsameie' = 'boligselskap') =>
    answering(text).submit({ scheme, inntektsaar: '2025', body: '{}', idempotencyKey: randomUUID() });

  it('boligselskap: the reference and count inside leveranseformaal[]', async () => {
    // Verbatim from Skatteetaten/api-dokumentasjon docs/api/innrapportering-boligselskap.md
    // @ a147dc2c3abb3575c7c4b29eefd5390ba49d9f7b, "Eksempel på respons".
    const published = `{
  "dialogId": "018b3d0f-d57e-7f5c-8a04-76dbc7e2fed2",
  "forsendelseId": "018f5297-fde1-7301-af34-df1bc3fff6b5",
  "leveranseformaal": [
    {
      "boligselskapFormaal": "fritidsboligNorge",
      "oppgavegiversLeveranseReferanse": "string",
      "antallSletteoppgaver": 5,
      "antallOppgaver": 10
    }
  ]
}`;
    expect(await submit(published)).toEqual({
      dialogId: '018b3d0f-d57e-7f5c-8a04-76dbc7e2fed2',
      forsendelseId: '018f5297-fde1-7301-af34-df1bc3fff6b5',
      oppgavegiversLeveranseReferanse: 'string',
      antallOppgaver: 10,
    });
    // Two formål: both references, the counts summed.
    const two = JSON.parse(published) as { leveranseformaal: Record<string, unknown>[] };
    two.leveranseformaal.push({
      boligselskapFormaal: 'bolig',
      oppgavegiversLeveranseReferanse: 'B',
      antallOppgaver: 3,
    });
    expect(await submit(JSON.stringify(two))).toMatchObject({
      oppgavegiversLeveranseReferanse: 'string, B',
      antallOppgaver: 13,
    });
  });

  it('boligsameie: the reference and count at the top level', async () => {
    // docs/api/innrapportering-boligsameie.md @ f78fda732d2444ccdb7b0cb267d8f2b8b987ad40, "Eksempel på respons".
    const published = `{
  "dialogId": "018b3d0f-d57e-7f5c-8a04-76dbc7e2fed2",
  "forsendelseId": "018f521e-5488-79e3-8817-48e94cb75455",
  "oppgavegiversLeveranseReferanse": "leveranse-1",
  "antallSletteoppgaver": 2,
  "antallOppgaver": 23
}`;
    expect(await submit(published, 'boligsameie')).toEqual({
      dialogId: '018b3d0f-d57e-7f5c-8a04-76dbc7e2fed2',
      forsendelseId: '018f521e-5488-79e3-8817-48e94cb75455',
      oppgavegiversLeveranseReferanse: 'leveranse-1',
      antallOppgaver: 23,
    });
  });
});
