import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../main/ipc/dispatch';
import { AppError } from '../../../shared/domain/app-error';
import type { Logger } from '../../../main/log/logger';

const profile = {
  id: '0b6f3b8e-3a49-4a8e-9b2f-1f6e2f7d1c11',
  orgNumber: '974761076',
  displayName: 'Fjellstue AS',
  environment: 'sandbox' as const,
  createdAt: '2026-11-23T09:00:00.000Z',
};

function recordingLogger() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const log: Logger = {
    info: (message, fields) => void lines.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
    warn: (message, fields) => void lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
    error: (message, fields) => void lines.push({ level: 'error', message, ...(fields ? { fields } : {}) }),
  };
  return { log, lines };
}

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = () => {
    throw new Error('not used in this test');
  };
  return new Proxy(overrides as Handlers, { get: (t, k) => (t as Record<string, unknown>)[k as string] ?? fail });
}

describe('dispatch: the one path every renderer call takes in main', () => {
  it('refuses a channel the contract does not name', async () => {
    const dispatch = createDispatcher(handlers(), recordingLogger().log);
    const result = await dispatch('keys.exportPrivate', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
  });

  it('refuses a payload that violates its schema before any handler runs, naming the fields', async () => {
    const create = vi.fn();
    const dispatch = createDispatcher(handlers({ 'profiles.create': create }), recordingLogger().log);
    const result = await dispatch('profiles.create', { orgNumber: '123456789', displayName: '', environment: 'moon' });
    expect(create).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IPC_INVALID_INPUT');
    expect(result.error.message.nb).toMatch(/Ugyldige data/);
    expect(result.error.details?.join('\n')).toMatch(/orgNumber/);
    expect(result.error.details?.join('\n')).toMatch(/environment/);
  });

  it('gives the handler the parsed input (normalised org number) and returns its value', async () => {
    const create = vi.fn((input: { orgNumber: string }) => ({ ...profile, orgNumber: input.orgNumber }));
    const dispatch = createDispatcher(handlers({ 'profiles.create': create }), recordingLogger().log);
    const result = await dispatch('profiles.create', {
      orgNumber: '974 761 076',
      displayName: 'Fjellstue AS',
      environment: 'sandbox',
    });
    expect(create.mock.calls[0]?.[0]).toMatchObject({ orgNumber: '974761076' });
    expect(result).toEqual({ ok: true, value: profile });
  });

  it('passes an AppError through as its code and both messages', async () => {
    const dispatch = createDispatcher(
      handlers({
        'profiles.activate': () => {
          throw new AppError('PROFILE_NOT_FOUND', { nb: 'Fant ikke profilen.', en: 'Profile not found.' });
        },
      }),
      recordingLogger().log,
    );
    const result = await dispatch('profiles.activate', { id: profile.id });
    expect(result).toEqual({
      ok: false,
      error: { code: 'PROFILE_NOT_FOUND', message: { nb: 'Fant ikke profilen.', en: 'Profile not found.' } },
    });
  });

  it('hides an unexpected error behind INTERNAL and logs it redacted, never the stack or a secret', async () => {
    const { log, lines } = recordingLogger();
    const dispatch = createDispatcher(
      handlers({
        'app.info': () => {
          throw new Error('boom with Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
        },
      }),
      log,
    );
    const result = await dispatch('app.info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/boom|eyJ|at /);
    expect(lines[0]?.level).toBe('error');
  });

  it('refuses an answer that breaks the output schema, and strips fields the contract does not name', async () => {
    const broken = createDispatcher(
      handlers({ 'settings.get': () => ({ language: 'de' }) as never }),
      recordingLogger().log,
    );
    expect(await broken('settings.get', undefined)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    const leaky = createDispatcher(
      handlers({ 'settings.get': () => ({ language: 'nb', privateKey: '-----BEGIN PRIVATE KEY-----' }) as never }),
      recordingLogger().log,
    );
    expect(await leaky('settings.get', undefined)).toEqual({ ok: true, value: { language: 'nb' } });
  });
});
