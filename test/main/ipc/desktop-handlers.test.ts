import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testAppServices } from '../support/test-app-services';
import type { AppServices } from '../../../main/app-services';

describe('the desktop channels', () => {
  let dir: string;
  let services: AppServices;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'innsender-desktop-'));
    ({ services } = testAppServices(dir));
  });
  afterEach(async () => {
    await services.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('composes the title from the page and the company, and refuses a title with a line break', async () => {
    expect(await services.dispatch('window.setTitle', { page: 'Rapporter', company: 'Fjellstue AS' })).toEqual({
      ok: true,
      value: { title: 'Rapporter — Fjellstue AS — Innsender' },
    });
    const refused = await services.dispatch('window.setTitle', { page: 'Rapporter\nFalsk', company: null });
    expect(refused.ok || refused.error.code).toBe('IPC_INVALID_INPUT');
  });

  it('says in both languages that receipts need the app where there is no app window (the CLI)', async () => {
    const result = await services.dispatch('receipt.savePdf', { id: '3f6c1e52-8a0b-4c1e-9d52-6b1f0a7c2e91' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('RECEIPT_NEEDS_APP');
    expect(result.error.message.nb).toContain('fra appen, ikke fra kommandolinjen');
    expect(result.error.message.en).toContain('from the app, not from the command line');
  });

  it('tells the menu when the language changes', async () => {
    const heard: unknown[] = [];
    services.events.subscribe((event, payload) => event === 'settings.changed' && heard.push(payload));
    await services.dispatch('settings.update', { language: 'en' });
    expect(heard).toEqual([{ language: 'en' }]);
  });
});
