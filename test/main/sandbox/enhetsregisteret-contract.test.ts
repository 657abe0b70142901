import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnhetsregisteretClient } from '../../../main/enhetsregisteret/enhetsregisteret-client';
import { enhetsregisteretModule } from '../../../main/sandbox/enhetsregisteret/enhetsregisteret-module';
import { enhetsregisteretSlice } from '../../../main/sandbox/enhetsregisteret/synthetic-register';
import { startEmulator, type EmulatorHost } from '../../../main/sandbox/host';

// The emulator's register answers in the shape the real one does (brreg/openAPI specs/enhetsregisteret.json),
// so the one client reads both.
describe('the sandbox Enhetsregisteret', () => {
  let host: EmulatorHost;
  let client: EnhetsregisteretClient;

  beforeAll(async () => {
    host = await startEmulator({ modules: [enhetsregisteretModule()] });
    client = new EnhetsregisteretClient({ base: `${host.baseUrl}/enhetsregisteret/api` });
    const slice = enhetsregisteretSlice(host.state);
    slice.deleted['973861778'] = '2024-05-02';
    for (let i = 0; i < 3; i++) {
      slice.units[`31000000${i}`] = {
        navn: `Avdeling ${i}`,
        organisasjonsform: 'BEDR',
        registreringsdatoEnhetsregisteret: '2020-01-01',
        overordnetEnhet: '312000008',
      };
    }
  });
  afterAll(async () => host?.stop());

  it('answers Skatteetaten’s example employer with its underenhet, and the underenhet with its hovedenhet', async () => {
    expect(await client.lookup('211785462')).toMatchObject({
      status: 'found',
      unit: { kind: 'enhet', organisationForm: 'AS', foundedOn: '2018-03-01' },
      subUnits: ['314768949'],
    });
    expect(await client.lookup('314768949')).toMatchObject({
      status: 'found',
      unit: { kind: 'underenhet', parent: '211785462' },
    });
    const raw = await fetch(`${host.baseUrl}/enhetsregisteret/api/enheter/314768949`);
    expect(raw.status).toBe(404);
  });

  it('gives any other valid number a synthetic AS, the same each time; pages the underenheter', async () => {
    const first = await client.lookup('312000008');
    expect(first).toMatchObject({ status: 'found', unit: { name: 'Syntetisk selskap 312000008 AS' } });
    expect(first.status === 'found' && first.subUnits).toEqual(['310000000', '310000001', '310000002']);
    const page = (await (
      await fetch(`${host.baseUrl}/enhetsregisteret/api/underenheter?overordnetEnhet=312000008&size=2&page=1`)
    ).json()) as { _embedded: { underenheter: { organisasjonsnummer: string }[] }; page: object };
    expect(page._embedded.underenheter.map((u) => u.organisasjonsnummer)).toEqual(['310000002']);
    expect(page.page).toEqual({ size: 2, totalElements: 3, totalPages: 2, number: 1 });
  });

  it('answers a deleted number with 410 and its slettedato, an invalid one with 404', async () => {
    expect(await client.lookup('973861778')).toMatchObject({ status: 'deleted', deletedOn: '2024-05-02' });
    expect(await client.lookup('123456789')).toMatchObject({ status: 'not-found' });
  });
});
