import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnhetsregisteretClient } from '../../../main/enhetsregisteret/enhetsregisteret-client';

const BASE = 'https://data.brreg.no/enhetsregisteret/api';
const NOW = new Date('2026-12-01T10:00:00.000Z');
/**
 * A recorded answer of `GET /enheter/974760673` (Registerenheten i Brønnøysund), from navikt/dagpenger-oppslag
 * `src/test/kotlin/no/nav/dagpenger/oppslag/ws/brreg/enhetsregister/EnhetsRegisterClientTest.kt` @ a9bf5139.
 */
const RECORDED = readFileSync(new URL('../../fixtures/enhetsregisteret/enhet-974760673.json', import.meta.url), 'utf8');
/** The register leaves `_embedded` out of a search page that matched nothing (brreg/openAPI specs/enhetsregisteret.json). */
const EMPTY_PAGE = JSON.stringify({ page: { size: 100, totalElements: 0, totalPages: 0, number: 0 } });

type Answer = { status: number; body?: string };
function fakeRegister(routes: Record<string, Answer>) {
  const asked: string[] = [];
  const fetch = (async (input: string | URL) => {
    const url = String(input);
    asked.push(url.replace(BASE, ''));
    const answer = routes[url.replace(BASE, '')] ?? { status: 404, body: '{}' };
    return new Response(answer.body ?? null, {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { client: new EnhetsregisteretClient({ base: BASE, fetch, now: () => NOW }), asked };
}

describe('EnhetsregisteretClient (data.brreg.no/enhetsregisteret/api)', () => {
  it('reads a recorded answer: name, organisation form, registration date, overordnet enhet, and the underenheter', async () => {
    const { client, asked } = fakeRegister({
      '/enheter/974760673': { status: 200, body: RECORDED },
      '/underenheter?overordnetEnhet=974760673&size=100&page=0': {
        status: 200,
        body: JSON.stringify({
          _embedded: { underenheter: [{ organisasjonsnummer: '974761076', navn: 'AVD' }] },
          page: { size: 100, totalElements: 1, totalPages: 1, number: 0 },
        }),
      },
    });
    expect(await client.lookup('974760673')).toEqual({
      status: 'found',
      unit: {
        orgNumber: '974760673',
        name: 'REGISTERENHETEN I BRØNNØYSUND',
        organisationForm: 'ORGL',
        kind: 'enhet',
        registeredOn: '1995-08-09',
        parent: '912660680',
        bankrupt: false,
        windingUp: false,
      },
      subUnits: ['974761076'],
      fetchedAt: NOW.toISOString(),
    });
    expect(asked).toEqual(['/enheter/974760673', '/underenheter?overordnetEnhet=974760673&size=100&page=0']);
  });

  it('falls back to /underenheter/{orgnr} when the number is not a hovedenhet', async () => {
    const { client } = fakeRegister({
      '/enheter/974761076': { status: 404, body: '{}' },
      '/underenheter/974761076': {
        status: 200,
        body: JSON.stringify({
          organisasjonsnummer: '974761076',
          navn: 'AVDELING',
          organisasjonsform: { kode: 'BEDR' },
          overordnetEnhet: '974760673',
          registreringsdatoEnhetsregisteret: '1995-08-09',
        }),
      },
    });
    const answer = await client.lookup('974761076');
    expect(answer).toMatchObject({ status: 'found', unit: { kind: 'underenhet', parent: '974760673' }, subUnits: [] });
  });

  it('answers 404 on both as not found, 410 as deleted with its slettedato, and an empty search as no underenheter', async () => {
    expect(await fakeRegister({}).client.lookup('973861778')).toEqual({
      status: 'not-found',
      orgNumber: '973861778',
      fetchedAt: NOW.toISOString(),
    });
    const gone = fakeRegister({
      '/enheter/973861778': {
        status: 410,
        body: JSON.stringify({ organisasjonsnummer: '973861778', slettedato: '2024-05-02' }),
      },
    });
    expect(await gone.client.lookup('973861778')).toMatchObject({ status: 'deleted', deletedOn: '2024-05-02' });
    const alone = fakeRegister({
      '/enheter/974760673': { status: 200, body: RECORDED },
      '/underenheter?overordnetEnhet=974760673&size=100&page=0': { status: 200, body: EMPTY_PAGE },
    });
    expect(await alone.client.lookup('974760673')).toMatchObject({ status: 'found', subUnits: [] });
  });

  it('fails with a reason on a server error, an unreadable body and a timeout', async () => {
    await expect(
      fakeRegister({ '/enheter/974760673': { status: 503 } }).client.lookup('974760673'),
    ).rejects.toMatchObject({
      reason: 'unexpected-status',
    });
    await expect(
      fakeRegister({ '/enheter/974760673': { status: 200, body: '{"navn":1}' } }).client.lookup('974760673'),
    ).rejects.toMatchObject({ reason: 'unreadable' });
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)),
      )) as typeof fetch;
    const slow = new EnhetsregisteretClient({ base: BASE, fetch: hanging, timeoutMs: 30 });
    await expect(slow.lookup('974760673')).rejects.toMatchObject({ reason: 'timeout' });
  });
});
