import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from './run-cli';
import { testAppServices } from '../main/support/test-app-services';
import { approvedSandboxSetup, seedAMeldingFeedback } from '../main/support/feedback-seed';

const cli = (dataDir: string, ...args: string[]) => runCliCaptured(dataDir, args);

// The app's own keychain service, as the CLI uses it: run inside scripts/with-keyring.sh (a throwaway keyring).
describe('innsender feedback', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('says what to finish first, and refuses a date it cannot read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innsender-cli-feedback-'));
    dirs.push(dir);
    await cli(dir, 'profiles', 'add', '974761076', 'Fjellstue AS');
    const notReady = await cli(dir, '--json', 'feedback');
    expect(notReady.code).toBe(3);
    expect(JSON.parse(notReady.out)).toMatchObject({ ok: false, error: { code: 'FEEDBACK_NOT_READY' } });
    expect((await cli(dir, 'feedback', '--since', 'yesterday')).code).toBe(2);
  });

  it('runs one sync and prints what is new, once', async () => {
    const { dir } = await feedbackMadeByTheApp();
    const first = await cli(dir, '--lang', 'en', 'feedback');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^\* .*A-melding 2026-02 {2}\(made outside Innsender\)/m);
    const again = await cli(dir, '--lang', 'en', 'feedback');
    expect(again.out).toBe('No new feedback.\n');
    const json = await cli(dir, '--json', 'feedback', '--since', '2000-01-01');
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      value: { items: [{ isNew: false, link: { kind: 'made-elsewhere' }, dialog: { title: 'A-melding 2026-02' } }] },
    });
  });

  /**
   * The app set the profile up, Skatteetaten's feedback arrived, and the app stopped; the CLI is a new process with its own SandboxController
   * on the same data dir. The feedback document's URL was handed out by the first run: the deviations must still
   * be read and shown, on the port the sandbox keeps, and on another one when that port is taken.
   */
  async function feedbackMadeByTheApp() {
    const dir = await mkdtemp(join(tmpdir(), 'innsender-cli-feedback-'));
    dirs.push(dir);
    const { services: app, opened } = testAppServices(dir);
    const created = await app.dispatch('profiles.create', {
      orgNumber: '974761076',
      displayName: 'Fjellstue AS',
      environment: 'sandbox',
    });
    if (!created.ok) throw new Error(created.error.code);
    await approvedSandboxSetup(app, () => opened);
    const host = app.sandbox.running();
    if (!host) throw new Error('no sandbox');
    const firstPort = host.port;
    seedAMeldingFeedback(host, { org: '974761076', title: 'A-melding 2026-02' });
    await host.state.save();
    await app.dispose();
    return { dir, firstPort };
  }
  const deviations = /Sluttdato før startdato|End date before start date/;

  it('shows the deviations after a restart of the sandbox, which comes back on the port it had', async () => {
    const { dir, firstPort } = await feedbackMadeByTheApp();
    expect(JSON.parse(await readFile(join(dir, 'sandbox', 'port.json'), 'utf8'))).toEqual({ port: firstPort });
    const first = await cli(dir, '--lang', 'en', 'feedback');
    expect(first.code).toBe(0);
    // When it came, in words.
    expect(first.out).toMatch(/^\* \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} {2}A-melding 2026-02/m);
    expect(first.out).toMatch(deviations);
    expect(JSON.parse(await readFile(join(dir, 'sandbox', 'port.json'), 'utf8'))).toEqual({ port: firstPort });
  });

  it('shows the deviations after a restart on another port, when the old one is taken', async () => {
    const { dir, firstPort } = await feedbackMadeByTheApp();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(firstPort, '127.0.0.1', resolve));
    try {
      const first = await cli(dir, '--lang', 'en', 'feedback');
      expect(first.code).toBe(0);
      expect(first.out).toMatch(deviations);
      const remembered = JSON.parse(await readFile(join(dir, 'sandbox', 'port.json'), 'utf8')) as { port: number };
      expect(remembered.port).not.toBe(firstPort);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
