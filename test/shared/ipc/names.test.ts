import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES, isChannelName, isEventName } from '../../../shared/ipc/names';
import { channels, events } from '../../../shared/ipc/contract';

describe('shared/ipc/names: the zod-free names the preload is built from', () => {
  it('lists exactly the channels the contract has schemas for, each once', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(channels).sort());
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
  });

  it('lists exactly the events the contract has schemas for, each once', () => {
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });

  it('knows a name only when it is listed, never through the prototype', () => {
    expect(isChannelName('profiles.list')).toBe(true);
    expect(isEventName('outbox.changed')).toBe(true);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'profiles', '', 42, null]) {
      expect(isChannelName(name)).toBe(false);
      expect(isEventName(name)).toBe(false);
    }
  });
});
