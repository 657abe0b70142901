import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rf1086Progress } from '../../../main/skatteetaten/aksjonaerregister-client';
import { SkatteetatenError } from '../../../main/skatteetaten/skatteetaten-errors';
import { rf1086Return } from '../support/report-fixtures';
import {
  clientsFor,
  RF1086_ORG,
  skatteetatenState,
  startSkatteetatenSandbox,
  type SkatteetatenSandbox,
} from '../support/skatteetaten-sandbox';

describe('the aksjonærregister client against the sandbox Skatteetaten', () => {
  let sandbox: SkatteetatenSandbox;
  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([RF1086_ORG]);
  });
  afterAll(() => sandbox.host.stop());

  it('resumes from the step where it stopped: every step replayed, one return registered', async () => {
    const { aksjonaerregister } = clientsFor(sandbox, RF1086_ORG);
    const key = randomUUID();
    const saved: Rf1086Progress[] = [];
    // The connection drops on the first call, before any step is saved.
    sandbox.host.faults.add({
      kind: 'drop',
      method: 'POST',
      pathPrefix: '/skatteetaten/api/aksjonaerregister/v1/2025/',
      times: 1,
    });
    const failedOnce = await aksjonaerregister
      .submitReturn(rf1086Return(), { idempotencyKey: key, saveProgress: async (p) => void saved.push(p) })
      .catch((e: unknown) => e);
    expect(failedOnce).toMatchObject({ code: 'SKATTEETATEN_INTERRUPTED' });
    const receipt = await aksjonaerregister.submitReturn(rf1086Return(), {
      idempotencyKey: key,
      saveProgress: async (p) => void saved.push(p),
    });
    expect(saved.at(-1)).toEqual({ hovedskjemaId: receipt.hovedskjemaId, underskjemaSent: 1 });
    // A restart from the saved progress, and from scratch, both answer with the same receipt.
    expect(
      await aksjonaerregister.submitReturn(rf1086Return(), { idempotencyKey: key, progress: saved.at(-1)! }),
    ).toEqual(receipt);
    expect(await aksjonaerregister.submitReturn(rf1086Return(), { idempotencyKey: key })).toEqual(receipt);
    const { skatteetaten, dialogporten } = await skatteetatenState(sandbox.host);
    expect(skatteetaten.submissions.filter((s) => s.service === 'aksjonaerregisteroppgave')).toHaveLength(1);
    expect(Object.values(skatteetaten.hovedskjema)).toHaveLength(1);
    expect(dialogporten.dialogs.find((d) => d.id === receipt.dialogId)?.serviceResource).toBe(
      'urn:altinn:resource:ske-innrapportering-aksjonaerregisteroppgave',
    );
    expect(receipt.oppgavegiversLeveranseReferanse).toBe(receipt.hovedskjemaId);
  });

  it('answers a wrong count with GLD_1018, a second confirmation with GLD_1029, bad XML with GLD_008', async () => {
    const { aksjonaerregister } = clientsFor(sandbox, RF1086_ORG);
    const ret = rf1086Return();
    const id = await aksjonaerregister.submitHovedskjema('2025', ret.hovedskjema, randomUUID());
    await aksjonaerregister.submitUnderskjema('2025', id, ret.underskjemaer[0]!, randomUUID());
    const wrong = (await aksjonaerregister
      .bekreft('2025', id, 2, randomUUID())
      .catch((e: unknown) => e)) as SkatteetatenError;
    expect(wrong.body.spesifisering[0]?.kode).toBe('GLD_1018');
    await aksjonaerregister.bekreft('2025', id, 1, randomUUID());
    const again = (await aksjonaerregister
      .bekreft('2025', id, 1, randomUUID())
      .catch((e: unknown) => e)) as SkatteetatenError;
    expect([again.status, again.body.spesifisering[0]?.kode]).toEqual([409, 'GLD_1029']);
    const broken = (await aksjonaerregister
      .submitHovedskjema(
        '2025',
        ret.hovedskjema.replace('<Inntektsar-datadef-692 orid="692">2025', '<Inntektsar-datadef-692 orid="692">2024'),
        randomUUID(),
      )
      .catch((e: unknown) => e)) as SkatteetatenError;
    expect(broken.body.spesifisering[0]?.kode).toBe('GLD_1052');
    const notXml = (await aksjonaerregister
      .submitHovedskjema('2025', '<x/>', randomUUID())
      .catch((e: unknown) => e)) as SkatteetatenError;
    expect([notXml.body.kode, notXml.kind]).toEqual(['GLD_008', 'rejected']);
  });

  it('offers last year’s return as prefill, and null when there is none', async () => {
    const { aksjonaerregister } = clientsFor(sandbox, RF1086_ORG);
    const prefill = await aksjonaerregister.prefill('2026', RF1086_ORG);
    expect(prefill).toMatchObject({ oppgaveStatus: 'GODKJENT', totalItems: 2, currentPage: 0 });
    expect(prefill?.dokumenter[0]?.dokument).toContain('skjemanummer="890"');
    expect(await aksjonaerregister.prefill('2025', RF1086_ORG)).toBeNull();
  });
});
