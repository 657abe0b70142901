import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppServices } from '../../../main/app-services';
import { SetupStateFile, profileDir } from '../../../main/setup/setup-state';
import { metDeadlines } from '../../../main/deadlines/deadline-service';
import type { Submission } from '../../../shared/outbox/submission';
import type { Profile } from '../../../shared/domain/profile';
import type { DeadlinesOverview } from '../../../shared/deadlines/deadline-views';
import { testAppServices } from '../support/test-app-services';

const NOW = new Date('2026-03-31T08:00:00Z');

function received(target: Submission['target']): Submission {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    idempotencyKey: '00000000-0000-4000-8000-000000000002',
    payloadSha256: '0'.repeat(64),
    payloadBytes: 1,
    label: 'x',
    target,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    attempts: 1,
    checkpoint: {},
    state: { kind: 'received', at: NOW.toISOString(), receipt: { dialogId: 'd', forsendelseId: 'f' } },
  };
}

describe('the deadline service, through the IPC channels', () => {
  let dataDir: string;
  let services: AppServices;
  let opened: string[];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-deadlines-'));
    ({ services, opened } = testAppServices(dataDir, { now: () => NOW }));
  });
  afterEach(async () => {
    await services.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function profileWith(chosen: string[]) {
    const created = await services.dispatch('profiles.create', {
      orgNumber: '974761076',
      displayName: 'Fjellstue AS',
      environment: 'sandbox',
    });
    if (!created.ok) throw new Error(created.error.code);
    const id = (created.value as Profile).id;
    await new SetupStateFile(profileDir(dataDir, id)).update((s) => ({ ...s, services: chosen as never }));
    return id;
  }

  it('lists nothing without a profile, and the chosen services with one', async () => {
    const none = await services.dispatch('deadlines.list', {});
    expect(none).toMatchObject({ ok: true, value: { profileId: null, deadlines: [] } });
    await profileWith(['a-melding', 'aksjonaerregisteroppgave']);
    const result = await services.dispatch('deadlines.list', { months: 12 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const listed = { value: result.value as DeadlinesOverview };
    expect(listed.value.today).toBe('2026-03-31');
    expect(listed.value.warnDays).toBe(7);
    expect(listed.value.nextId).toBe('a-melding:2026-03');
    expect(listed.value.deadlines.map((d) => d.id)).toContain('aksjonaerregisteroppgave:2026');
  });

  it('keeps the warning days per profile and refuses out-of-range values', async () => {
    await profileWith(['a-melding']);
    const saved = await services.dispatch('deadlines.setWarnDays', { days: 3 });
    expect(saved).toMatchObject({ ok: true, value: { warnDays: 3 } });
    const result = await services.dispatch('deadlines.list', {});
    if (!result.ok) throw new Error('list failed');
    const listed = { value: result.value as DeadlinesOverview };
    expect(listed.value.deadlines.find((d) => d.id === 'a-melding:2026-03')?.status).toBe('upcoming');
    expect(await services.dispatch('deadlines.setWarnDays', { days: 61 })).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT' },
    });
  });

  it('opens the RF-1113 page in the OS browser, and only that form', async () => {
    expect(await services.dispatch('deadlines.openExtensionForm', { form: 'RF-1113' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(opened).toEqual([
      'https://www.skatteetaten.no/skjema/utsatt-frist-for-levering-av-skattemeldingen-for-klienter/',
    ]);
    expect(
      await services.dispatch('deadlines.openExtensionForm', { form: 'https://evil.example' } as never),
    ).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_INPUT' } });
  });

  it('counts a received submission as meeting its period, and nothing else', () => {
    const met = metDeadlines([
      received({ service: 'a-melding', kalendermaaned: '2026-03', opplysningspliktig: '974761076', meldingsId: 'm' }),
      received({
        service: 'aksjonaerregisteroppgave',
        inntektsaar: '2025',
        oppgavegiver: '974761076',
        underskjemaer: 1,
      }),
      {
        ...received({
          service: 'a-melding',
          kalendermaaned: '2026-02',
          opplysningspliktig: '974761076',
          meldingsId: 'n',
        }),
        state: { kind: 'queued', since: NOW.toISOString() },
      },
      received({
        service: 'tredjepart',
        scheme: 'boligselskap',
        inntektsaar: '2025',
        oppgavegiver: '974761076',
        antallOppgaver: 3,
      }),
      received({
        service: 'skattekort-til-arbeidsgiver',
        inntektsaar: '2026',
        arbeidsgiver: '974761076',
        bestillingstype: 'HENT_ALLE_OPPGITTE',
        arbeidstakere: 2,
      }),
    ]);
    expect([...met].sort()).toEqual([
      'a-melding:2026-03',
      'aksjonaerregisteroppgave:2025',
      'tredjepart-boligselskap:2025',
    ]);
  });
});
