import type { ChannelOutput } from '../../shared/ipc/contract';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';
import type { ProfileService } from './profiles';
import type { SettingsStore } from './settings-store';

/**
 * What follows every change to the profiles, from a channel or from main itself: every window is told
 * (`profiles.changed`, which the renderer's profile query takes as it is) and the sandbox starts when the active
 * profile uses it. `show` is the profile switcher's change made by main: a clicked notification about another
 * profile than the one shown switches to it before the page it opens.
 */
export function createProfileChanges(options: {
  profiles: ProfileService;
  settings: Pick<SettingsStore, 'notices'>;
  sandbox: { ensureRunning(): Promise<unknown> };
  events: Pick<EventHub, 'emit'>;
  log: Logger;
}) {
  const { profiles, settings, sandbox, events, log } = options;
  const state = (): ChannelOutput<'profiles.list'> => ({ ...profiles.state(), notices: settings.notices });
  const announce = () => {
    const current = state();
    events.emit('profiles.changed', current);
    if (profiles.active()?.environment === 'sandbox') {
      void sandbox.ensureRunning().catch((error: unknown) => log.error('sandbox start failed', { error }));
    }
    return current;
  };
  return {
    state,
    announce,
    /**
     * Makes the profile the active one, announced, unless it already is. False when it has been removed since (a
     * notification can be clicked long after it was raised): nothing changes then.
     */
    show(profileId: string): boolean {
      if (!profiles.state().profiles.some((p) => p.id === profileId)) return false;
      if (profiles.active()?.id !== profileId) {
        profiles.activate(profileId);
        announce();
      }
      return true;
    },
  };
}

export type ProfileChanges = ReturnType<typeof createProfileChanges>;
