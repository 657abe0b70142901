import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../main/sandbox/host';
import { emulatorModules } from '../../main/sandbox/modules';
import { EmulatorState } from '../../main/sandbox/state';
import { altinnSlice } from '../../main/sandbox/altinn/altinn-state';
import type { FirmClientsView } from '../../shared/domain/firm';
import type { SetupOverview } from '../../shared/domain/setup';
import { decide } from '../main/support/maskinporten-sandbox';
import { administerClient } from '../main/support/client-admin';
import { runCliCaptured } from './run-cli';

const CLIENTS = [
  ['211785462', 'Fjellstue AS'],
  ['311000004', 'Kløver AS'],
  ['312000008', 'Vestvind AS'],
] as const;

/**
 * Altinn while the CLI is not running: the emulator on the data folder's sandbox state (each CLI run starts its
 * own), so the owner can approve and the klientadministrator attach clients between two commands, as in real life.
 */
async function inAltinn(dataDir: string, act: (rebase: (url: string) => string) => Promise<void>): Promise<void> {
  const host = await startEmulator({ modules: emulatorModules(), stateFile: join(dataDir, 'sandbox', 'state.json') });
  try {
    await act((url) => {
      const u = new URL(url);
      return `${host.baseUrl}${u.pathname}${u.search}`;
    });
    await host.state.save();
  } finally {
    await host.stop();
  }
}

const linkIn = (text: string) => /Open in your browser: (\S+)/.exec(text)?.[1] ?? '';

// The whole onboarding from a script: a firm with client packages, its agent systembruker and three clients; and a
// business with a standard systembruker granted by access packages. Runs in a private keychain (with-keyring.sh).
describe('innsender setup and innsender clients: onboarding scripted', () => {
  let dataDir: string;
  const cli = (...args: string[]) => runCliCaptured(dataDir, args);
  const json = async <T>(...args: string[]) => (JSON.parse((await cli('--json', ...args)).out) as { value: T }).value;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-cli-setup-'));
  });
  afterAll(async () => {
    // The private keys live in the throwaway keyring with-keyring.sh starts for the run.
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sets up an accounting firm: client packages, the agent systembruker and three delegated clients', async () => {
    expect((await cli('profiles', 'add', '974761076', 'Regnskap AS', '--firm')).code).toBe(0);
    expect((await cli('keys', 'generate')).code).toBe(0);
    expect((await cli('setup', 'client')).code).toBe(0);

    const unknown = await cli('setup', 'system', 'a-melding', '--package', 'lonn-og-alt');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /^SETUP_ACCESS_PACKAGE_UNKNOWN: Regnskap AS \(974 761 076\): tilgangspakken «lonn-og-alt»/,
    );

    const system = await cli('setup', 'system', 'a-melding', 'aksjonaerregisteroppgave');
    expect(system.code).toBe(0);
    expect(system.out).toContain('974761076_innsender_klienter');
    expect(system.out).toContain('packages: regnskapsforer-med-signeringsrettighet');

    const requested = await cli('setup', 'request');
    expect(requested.code).toBe(0);
    expect(requested.out).toContain('agent New for 974761076');
    const confirmUrl = linkIn(requested.out);
    expect(confirmUrl).toContain('/agentrequest?id=');
    await inAltinn(dataDir, async (rebase) => void (await decide(rebase(confirmUrl), 'approve')));
    const waited = await cli('setup', 'wait', '--every', '0.05', '--timeout', '5');
    expect(waited.code).toBe(0);
    expect(waited.out).toMatch(/agent Accepted for 974761076 · systembruker [0-9a-f-]{36}/);

    const bad = await cli('clients', 'add', '974761077', 'Feilsiffer AS');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('FIRM_CLIENT_ORG_INVALID: Klienten Feilsiffer AS (974 761 077)');
    for (const [org, name] of CLIENTS) expect((await cli('clients', 'add', org, name)).code).toBe(0);
    const adminPage = linkIn((await cli('clients', 'admin-page')).out);
    expect(adminPage).toContain('/agentdelegation/');
    await inAltinn(dataDir, async (rebase) => {
      for (const [orgNumber, name] of CLIENTS) await administerClient(rebase(adminPage), 'add', { orgNumber, name });
      // One the firm has not added (Klienter's "I Altinn, men ikke i listen din").
      await administerClient(rebase(adminPage), 'add', { orgNumber: '315000017', name: 'Solbær AS' });
    });
    const synced = await json<FirmClientsView>('clients', 'sync');
    expect(synced.clients.map((c) => [c.orgNumber, c.delegation.state])).toEqual(
      CLIENTS.map(([org]) => [org, 'delegated']),
    );
    expect(synced.altinnOnly.map((c) => [c.orgNumber, c.name])).toEqual([['315000017', 'Solbær AS']]);
    const listed = (await cli('clients')).out;
    expect(listed).toMatch(/^311 000 004 +delegated +Kløver AS/m);
    expect(listed).toMatch(/^In Altinn, not in your list .*\n315 000 017 +Solbær AS$/m);

    const tested = await json<SetupOverview>('setup', 'test');
    expect(tested.lastTest?.systemUserOrg).toBe('974761076');
  });

  it('sets up a business with a standard systembruker granted by access packages', async () => {
    expect((await cli('profiles', 'add', '313000001', 'Kløverhagen AS')).code).toBe(0);
    expect((await cli('profiles', 'use', '313000001')).code).toBe(0);
    expect((await cli('keys', 'generate')).code).toBe(0);
    expect((await cli('setup', 'client')).code).toBe(0);
    const system = await json<SetupOverview>(
      'setup',
      'system',
      'a-melding',
      'aksjonaerregisteroppgave',
      '--grant',
      'access-packages',
    );
    expect(system.system).toMatchObject({ grant: 'access-packages', accessPackages: ['a-ordning', 'skattegrunnlag'] });
    const clientPackage = await cli('setup', 'system', 'a-melding', '--package', 'regnskapsforer-lonn');
    expect(clientPackage.code).toBe(2);
    expect(clientPackage.err).toContain('SETUP_ACCESS_PACKAGE_WRONG_USE: Kløverhagen AS (313 000 001)');

    const requested = await cli('setup', 'request');
    expect(requested.out).toContain('standard New for 313000001');
    await inAltinn(dataDir, async (rebase) => {
      const page = await (await fetch(rebase(linkIn(requested.out)))).text();
      expect(page).toContain('tilgangspakke a-ordning');
      await decide(rebase(linkIn(requested.out)), 'approve');
    });
    expect((await cli('setup', 'wait', '--every', '0.05', '--timeout', '5')).code).toBe(0);
    const tested = await json<SetupOverview>('setup', 'test');
    expect(tested.lastTest?.systemUserOrg).toBe('313000001');
    expect(tested.lastTest?.scopes.sort()).toEqual(
      ['skatteetaten:innrapporteringaksjonaerregisteroppgave', 'skatteetaten:innrapporteringamelding'].sort(),
    );
    // A business has no clients.
    const clients = await cli('clients');
    expect(clients.code).toBe(2);
    expect(clients.err).toMatch(/^FIRM_NOT_A_FIRM: Kløverhagen AS \(313 000 001\)/);
  });

  it('refuses a system id taken by a system deleted in Altinn, naming the company, and takes another name', async () => {
    // Someone deletes the system in Altinn between two commands: changed through the emulator's own state store.
    const state = new EmulatorState(join(dataDir, 'sandbox', 'state.json'));
    const system = altinnSlice(state).systems['313000001_innsender'];
    if (!system) throw new Error('the business system is not in the emulator state');
    system.isDeleted = true;
    await state.save();
    await state.close();
    const taken = await cli('setup', 'system', 'a-melding');
    expect(taken.code).toBe(2);
    expect(taken.err).toMatch(
      /^ALTINN_SYSTEM_ID_TAKEN: Kløverhagen AS \(313 000 001\): System-ID-en 313000001_innsender/,
    );
    const renamed = await json<SetupOverview>('setup', 'system', 'a-melding', '--system-name', 'innsender 2');
    expect(renamed.system?.systemId).toBe('313000001_innsender_2');
  });
});
