import { describe, expect, it, vi } from 'vitest';
import { createBridgeApi } from '../../../shared/ipc/bridge-api';
import { channelNames, eventNames } from '../../../shared/ipc/contract';

describe('createBridgeApi: the object the preload (and the test bridge) exposes', () => {
  it('has exactly one function per channel, grouped by the channel name, and `on`', () => {
    const api = createBridgeApi({ invoke: vi.fn(), subscribe: vi.fn() }) as unknown as Record<string, unknown>;
    const exposed = Object.entries(api).flatMap(([group, value]) =>
      typeof value === 'function' ? [group] : Object.keys(value as object).map((op) => `${group}.${op}`),
    );
    expect(exposed.sort()).toEqual([...channelNames, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each call on its own channel with the payload as given', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
    const api = createBridgeApi({ invoke, subscribe: vi.fn() });
    await api.profiles.activate({ id: 'x' });
    await api.app.info();
    expect(invoke.mock.calls).toEqual([
      ['profiles.activate', { id: 'x' }],
      ['app.info', undefined],
    ]);
  });

  it('subscribes only to events of the fixed map', () => {
    const subscribe = vi.fn(() => () => {});
    const api = createBridgeApi({ invoke: vi.fn(), subscribe });
    for (const event of eventNames) api.on(event, () => {});
    expect(subscribe).toHaveBeenCalledTimes(eventNames.length);
    expect(() => api.on('ipc.raw' as never, () => {})).toThrow(/Unknown event/);
  });
});
