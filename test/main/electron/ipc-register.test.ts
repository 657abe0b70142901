import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { registerIpc } from '../../../main/electron/ipc-register';
import { channelNames } from '../../../shared/ipc/contract';
import { silentLogger } from '../../../main/log/logger';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function setup() {
  const registered = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => void registered.set(channel, handler) };
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'dispatched' }));
  registerIpc({
    ipcMain: ipcMain as never,
    dispatch,
    trustedWebContents: new Set([7]),
    appOrigin: 'app://innsender',
    log: silentLogger,
  });
  const event = (id: number, url: string | undefined) =>
    ({ sender: { id }, senderFrame: url === undefined ? null : { url } }) as unknown as IpcMainInvokeEvent;
  return { registered, dispatch, event };
}

describe('registerIpc: the only ipcMain.handle in the app', () => {
  it('registers exactly one handler per contract channel', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('answers a call from the app window through dispatch', async () => {
    const { registered, dispatch, event } = setup();
    const result = await registered.get('profiles.list')!(event(7, 'app://innsender/index.html#/setup'), undefined);
    expect(result).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith('profiles.list', undefined);
  });

  it.each([
    ['a web contents the app did not create', 8, 'app://innsender/index.html'],
    ['the app window navigated to a foreign page', 7, 'https://evil.example.com/'],
    ['a frame with no URL (detached)', 7, undefined],
  ])('refuses %s with a typed error and never dispatches', async (_label, id, url) => {
    const { registered, dispatch, event } = setup();
    const result = await registered.get('profiles.create')!(event(id, url), { orgNumber: '974761076' });
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});
