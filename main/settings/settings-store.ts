import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { DEFAULT_SETTINGS, SettingsFileSchema, type SettingsFile } from './settings-schema';
import type { LocalizedText } from '../../shared/domain/localized';
import type { Logger } from '../log/logger';

export interface SettingsNotice {
  code: string;
  message: LocalizedText;
  backupFile?: string;
}

/**
 * The user's settings and profiles, kept by `conf` (atomic writes, file mode 0600). The file is checked against
 * its schema on every load; one that cannot be read is moved aside as a dated backup, the user is told, and the
 * app starts from defaults rather than refusing to open or silently losing the file.
 */
export class SettingsStore {
  private constructor(
    private readonly conf: Conf<SettingsFile>,
    readonly notices: SettingsNotice[],
  ) {}

  static open(dir: string, log: Logger, now: () => Date = () => new Date()): SettingsStore {
    const file = join(dir, 'settings.json');
    const notices: SettingsNotice[] = [];
    if (existsSync(file)) {
      const problem = diagnose(readFileSync(file, 'utf8'));
      if (problem) {
        const backupFile = join(dir, `settings.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.json`);
        copyFileSync(file, backupFile);
        rmSync(file);
        log.warn('settings file unreadable; backed up and reset', { backupFile, problem });
        notices.push({
          code: 'SETTINGS_CORRUPT',
          backupFile,
          message: {
            nb: `Innstillingsfilen kunne ikke leses (${problem}). Den er tatt vare på som ${backupFile}, og appen startet med standardinnstillinger. Legg inn profilene på nytt, eller send filen til brukerstøtte.`,
            en: `The settings file could not be read (${problem}). It has been kept as ${backupFile}, and the app started with default settings. Add your profiles again, or send the file to support.`,
          },
        });
      }
    }
    const conf = new Conf<SettingsFile>({
      cwd: dir,
      configName: 'settings',
      defaults: DEFAULT_SETTINGS,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      configFileMode: 0o600,
      serialize: (value) => JSON.stringify(value, null, 2),
    });
    return new SettingsStore(conf, notices);
  }

  read(): SettingsFile {
    return SettingsFileSchema.parse(this.conf.store);
  }

  /** Validates the new state before it is written, so an invalid state never reaches the disk. */
  update(change: (current: SettingsFile) => SettingsFile): SettingsFile {
    const next = SettingsFileSchema.parse(change(this.read()));
    this.conf.store = next;
    return next;
  }
}

function diagnose(text: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  const parsed = SettingsFileSchema.safeParse(json);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
