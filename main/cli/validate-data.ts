import type { Language } from '../../shared/domain/localized';
import type { Profile } from '../../shared/domain/profile';
import type { Submission } from '../../shared/outbox/submission';
import type { Logger } from '../log/logger';
import { activeProfileOf } from '../settings/profiles';
import { readSettingsFile } from '../settings/read-settings-file';
import { openCliLog } from './cli-log';
import type { CliIo } from './output';

/** What a plain `innsender validate` takes from the data folder. */
export interface ValidateData {
  /** The active profile: the organisation the reports must belong to and the environment whose rules apply. */
  readonly active: Profile | null;
  /** What the active profile's outbox has sent or is sending; absent without an active profile. */
  readonly submissions?: readonly Submission[];
}

/**
 * Reads what a plain `innsender validate` needs of the data folder without building the app's services (issue 12:
 * they cost every check ≈ 0.1 s of loading, and opened the keychain's addon and the database for nothing): the
 * settings file as it is, and, only when a profile is active, its submissions from the database, read as the
 * outbox reads them while it is not running (`OutboxWorkers.listFor`). Nothing is written: a check of a file needs
 * no data folder at all. A settings file that cannot be read goes through `SettingsStore.open` as before (kept
 * aside, a notice on stderr).
 */
export async function readValidateData(options: {
  dataDir: string;
  io: CliIo;
  lang: Language;
  now?: () => Date;
}): Promise<ValidateData> {
  const { dataDir } = options;
  let log: Logger | undefined;
  const cliLog = () => (log ??= openCliLog(dataDir));
  let settings = readSettingsFile(dataDir);
  if (settings === 'unreadable') {
    const { SettingsStore } = await import('../settings/settings-store');
    const store = SettingsStore.open(dataDir, cliLog(), options.now);
    for (const notice of store.notices) options.io.err(`${notice.code}: ${notice.message[options.lang]}`);
    settings = store.read();
  }
  const active = activeProfileOf(settings);
  if (!active) return { active };
  const { closeDataStore, openDataStore } = await import('../store/data-store');
  try {
    const store = openDataStore(dataDir, {
      ...(options.now ? { now: options.now } : {}),
      onLegacyImport: (report) => cliLog().info('store: imported the JSON files of the earlier layout', { ...report }),
    });
    return { active, submissions: await store.submissions(active.id).list() };
  } finally {
    await closeDataStore(dataDir);
  }
}
