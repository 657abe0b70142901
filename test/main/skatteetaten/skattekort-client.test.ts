import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { SkatteetatenError } from '../../../main/skatteetaten/skatteetaten-errors';
import { orderRequestBody, type SkattekortOrder } from '../../../shared/skattekort/order';
import { EMPLOYER, injectFault, startSkattekortSandbox } from '../support/skattekort-sandbox';

const DOCUMENTED = 'skatteetaten:forskudd';
const NAV = 'skatteetaten:skattekorttilarbeidsgiver';
const PERSONS = ['01018010018', '15057010077', '41018010001', '01858010043', '01018010700', '15057010743'];
const year = String(new Date().getFullYear());
const order = (change: Partial<SkattekortOrder> = {}): SkattekortOrder => ({
  inntektsaar: year,
  bestillingstype: 'HENT_ALLE_OPPGITTE',
  varslingstype: 'VARSEL_VED_FOERSTE_ENDRING',
  kontaktinformasjon: { epostadresse: 'lonn@example.no' },
  arbeidsgiver: EMPLOYER,
  arbeidstakere: PERSONS,
  ...change,
});

let sandbox: Awaited<ReturnType<typeof startSkattekortSandbox>>;
beforeAll(async () => {
  sandbox = await startSkattekortSandbox();
});
afterAll(() => sandbox.host.stop());

async function failure(call: Promise<unknown>): Promise<SkatteetatenError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SkatteetatenError)) throw new Error(`expected a SkatteetatenError, got ${String(error)}`);
  return error;
}

async function rawPost(body: string, contentType = 'application/json') {
  const token = (
    await sandbox.maskinporten.tokenForScopes({ scopes: [DOCUMENTED], systemUser: { orgNumber: EMPLOYER } })
  ).value;
  return fetch(`${sandbox.host.baseUrl}/skatteetaten/api/forskudd/bestillSkattekort/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType, accept: 'application/json' },
    body,
  });
}

describe('ordering and fetching skattekort against the emulator', () => {
  it('orders, gets 204 before the answer is ready, then 200 with a card per person', async () => {
    const client = sandbox.client(DOCUMENTED);
    const receipt = await client.order(orderRequestBody(order()), randomUUID());
    expect(receipt).toEqual({ dialogreferanse: expect.any(String), bestillingsreferanse: expect.any(String) });
    expect(await client.answer(receipt.bestillingsreferanse)).toEqual({ state: 'pending' });
    const ready = await client.answer(receipt.bestillingsreferanse);
    if (ready.state !== 'ready') throw new Error('not ready');
    expect(ready.answer.cards.map((c) => c.arbeidstakeridentifikator)).toEqual(PERSONS);
    expect(ready.answer.cards.every((c) => c.resultatKnown && c.arbeidsgiver === EMPLOYER)).toBe(true);
    // Deterministic per person: the same answer again.
    const again = await client.answer(receipt.bestillingsreferanse);
    expect(again).toEqual(ready);
    expect(JSON.parse(ready.raw)).toHaveProperty('arbeidsgiver');
  });

  it('accepts the other spelling of the scope (the environment decides which one the app asks for)', async () => {
    const receipt = await sandbox.client(NAV).order(orderRequestBody(order()), randomUUID());
    expect(receipt.bestillingsreferanse).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers the same key and body with the same receipt', async () => {
    const key = randomUUID();
    const client = sandbox.client(DOCUMENTED);
    const first = await client.order(orderRequestBody(order()), key);
    expect(await client.order(orderRequestBody(order()), key)).toEqual(first);
  });

  it('204 for a reference it does not know', async () => {
    expect(await sandbox.client(DOCUMENTED).answer(randomUUID())).toEqual({ state: 'pending' });
  });
});

describe('the client’s error mapping', () => {
  it('FOR_001: a body that does not follow the schema (rejected, with the field)', async () => {
    const body = JSON.stringify({ ...JSON.parse(orderRequestBody(order())), bestillingstype: 'ALT' });
    const error = await failure(sandbox.client(DOCUMENTED).order(body, randomUUID()));
    expect(error).toMatchObject({ code: 'SKATTEETATEN_FOR_001', status: 400, kind: 'rejected' });
    expect(error.localized.nb).toMatch(/følger ikke Skatteetatens skjema/);
    expect(error.korrelasjonsid).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.details?.join(' ')).toMatch(/bestillingstype/);
  });

  it('FOR_002: a body that does not parse', async () => {
    const error = await failure(sandbox.client(DOCUMENTED).order('{"inntektsaar":', randomUUID()));
    expect(error).toMatchObject({ code: 'SKATTEETATEN_FOR_002', status: 400, kind: 'rejected' });
    expect(error.localized.en).toMatch(/could not read/);
    expect((await rawPost('<xml/>', 'application/xml')).status).toBe(400);
  });

  it('FOR_003: a bad parameter (an income year that is not a year, a bad reference)', async () => {
    const client = sandbox.client(DOCUMENTED);
    const badYear = await failure(client.order(orderRequestBody(order({ inntektsaar: '20x5' })), randomUUID()));
    expect(badYear).toMatchObject({ code: 'SKATTEETATEN_FOR_003', kind: 'rejected' });
    expect(badYear.localized.nb).toMatch(/ugyldig/);
    const badRef = await failure(client.answer('not-a-reference'));
    expect(badRef.code).toBe('SKATTEETATEN_FOR_003');
  });

  it('403: a token without the skattekort scope, or for another organisation', async () => {
    const error = await failure(
      sandbox.client('skatteetaten:innrapporteringamelding').order(orderRequestBody(order()), randomUUID()),
    );
    expect(error).toMatchObject({ status: 403, kind: 'needs-action' });
    const other = await failure(
      sandbox.client(DOCUMENTED).order(orderRequestBody(order({ arbeidsgiver: '974761076' })), randomUUID()),
    );
    expect(other).toMatchObject({ status: 403, kind: 'needs-action' });
  });

  it('503 and 429 are passing faults that carry Retry-After; other 5xx pass too', async () => {
    const client = sandbox.client(DOCUMENTED);
    const ref = (await client.order(orderRequestBody(order()), randomUUID())).bestillingsreferanse;
    await injectFault(sandbox.host, {
      kind: 'status',
      status: 503,
      pathPrefix: '/skatteetaten/api/forskudd/',
      times: 1,
    });
    const unavailable = await failure(client.answer(ref));
    expect(unavailable).toMatchObject({ status: 503, kind: 'transient' });
    await injectFault(sandbox.host, {
      kind: 'rate-limit',
      retryAfterSeconds: 7,
      pathPrefix: '/skatteetaten/api/forskudd/',
      times: 1,
    });
    const limited = await failure(client.answer(ref));
    expect(limited).toMatchObject({ status: 429, kind: 'transient', retryAfterMs: 7000 });
    await injectFault(sandbox.host, {
      kind: 'status',
      status: 500,
      pathPrefix: '/skatteetaten/api/forskudd/',
      times: 1,
    });
    expect(await failure(client.answer(ref))).toMatchObject({ status: 500, kind: 'transient' });
    // The faults are spent: the order answers again.
    expect((await client.answer(ref)).state).toBe('pending');
  });
});

describe('"changes only" and the status-only answers (a fixed clock: 10 March 2026)', () => {
  let clocked: Awaited<ReturnType<typeof startSkattekortSandbox>>;
  beforeAll(async () => {
    clocked = await startSkattekortSandbox({ now: () => new Date('2026-03-10T10:00:00Z') });
  });
  afterAll(() => clocked.host.stop());

  it('orders "changes only" without forespoerselOmSkattekortTilArbeidsgiver, and shows the status-only answers', async () => {
    const client = clocked.client(DOCUMENTED);
    const answerOf = async (o: SkattekortOrder) => {
      const body = orderRequestBody(o);
      const { bestillingsreferanse } = await client.order(body, randomUUID());
      await client.answer(bestillingsreferanse); // the first ask is always 204
      const ready = await client.answer(bestillingsreferanse);
      if (ready.state !== 'ready') throw new Error('not ready');
      return { body: JSON.parse(body) as Record<string, unknown>, ready };
    };
    // 10 March 2026: next year's cards cannot be ordered yet (not before 15 December).
    const first = await answerOf(
      order({ inntektsaar: '2027', bestillingstype: 'HENT_KUN_ENDRING', arbeidstakere: [] }),
    );
    expect(first.body).not.toHaveProperty('forespoerselOmSkattekortTilArbeidsgiver');
    expect(JSON.parse(first.ready.raw)).toEqual({ status: 'UGYLDIG_INNTEKTSAAR' });
    expect(first.ready.answer).toMatchObject({ status: 'UGYLDIG_INNTEKTSAAR', cards: [] });
    expect(first.ready.answer.statusNote?.nb).toMatch(/15\. desember/);

    // Changes only, before anything was ordered for the year: a status alone, not a fault.
    const none = await answerOf(order({ inntektsaar: '2026', bestillingstype: 'HENT_KUN_ENDRING', arbeidstakere: [] }));
    expect(none.ready.answer).toMatchObject({ status: 'ENDRINGSFORESPOERSEL_UTEN_TIDLIGERE_BESTILLING', cards: [] });
    expect(none.ready.answer.statusNote?.en).toMatch(/Order all employees first/);
    await answerOf(order({ inntektsaar: '2026' }));
    const changed = await answerOf(
      order({ inntektsaar: '2026', bestillingstype: 'HENT_KUN_ENDRING', arbeidstakere: [] }),
    );
    expect(changed.ready.answer.status).toBe('FORESPOERSEL_OK');
    expect(changed.ready.answer.statusNote).toBeUndefined();
    expect(changed.ready.answer.cards.map((c) => c.arbeidstakeridentifikator).sort()).toEqual([...PERSONS].sort());
  });
});
