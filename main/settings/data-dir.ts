import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The same folder Electron's `app.getPath('userData')` gives for productName "Innsender", so the CLI and the app
 * share profiles and drafts. INNSENDER_DATA_DIR overrides it (tests, portable use).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.INNSENDER_DATA_DIR) return env.INNSENDER_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Innsender');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Innsender');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Innsender');
}
