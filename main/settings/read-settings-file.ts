import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, SettingsFileSchema, type SettingsFile } from './settings-schema';

/**
 * The settings file read as it is, without `conf` (and its JSON-schema validator) and without writing anything:
 * for a command that only needs to know the active profile (a plain `innsender validate`). A missing file is the
 * defaults, as `SettingsStore` would create them; `unreadable` (not JSON, or not the schema) is left to
 * `SettingsStore.open`, which keeps the file aside and says so.
 */
export function readSettingsFile(dir: string): SettingsFile | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(join(dir, 'settings.json'), 'utf8');
  } catch (error) {
    // No file, or no folder yet (a path beneath a file included): nothing set up.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return DEFAULT_SETTINGS;
    throw error;
  }
  try {
    const parsed = SettingsFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}
