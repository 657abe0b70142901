import type { Profile } from '../../shared/domain/profile';
import type { EventHub } from '../ipc/event-hub';
import type { ProfileService } from '../settings/profiles';
import type { BackgroundJob, BackgroundScheduler, JobPass, UnitStatus } from './background-scheduler';

/**
 * A job whose units are the profiles (every one while `on()` holds; none before, so the CLI starts nothing it did
 * not ask for): the shape the outbox, feedback, skattekort and deadline jobs share.
 */
export function everyProfileJob(options: {
  name: string;
  profiles: ProfileService;
  on?: () => boolean;
  /** One pass for one profile; a profile removed meanwhile is skipped. */
  run: (profile: Profile) => Promise<JobPass>;
  onStatus?: (profileId: string, status: UnitStatus) => void;
}): BackgroundJob {
  return {
    name: options.name,
    units: async () => (options.on?.() === false ? [] : options.profiles.state().profiles.map((p) => p.id)),
    run: async (profileId) => {
      const profile = options.profiles.state().profiles.find((p) => p.id === profileId);
      return profile ? options.run(profile) : { nextInMs: null };
    },
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
  };
}

/**
 * Profiles added or removed, or a setup that changed (a systembruker approved): the scheduler reads the units again
 * and the job runs for each at once. Returns the unsubscribe.
 */
export function rerunOnProfileChanges(
  events: Pick<EventHub, 'subscribe'>,
  scheduler: Pick<BackgroundScheduler, 'refresh' | 'request'>,
  jobName: string,
  when: () => boolean = () => true,
): () => void {
  return events.subscribe((event) => {
    if (!when() || (event !== 'profiles.changed' && event !== 'systemuser.status')) return;
    void scheduler.refresh().then(() => scheduler.request(jobName));
  });
}
