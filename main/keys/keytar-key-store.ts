import keytar from 'keytar';
import { AppError } from '../../shared/domain/app-error';
import { MAX_SECRET_BYTES, type KeyStore } from './key-store';

export const KEYCHAIN_SERVICE = 'no.innsender.maskinporten';

/** keytar's surface that this store uses; a parameter so the same code can run against @napi-rs/keyring's shim. */
export type KeytarApi = Pick<typeof keytar, 'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'>;

export interface KeytarKeyStoreOptions {
  service?: string;
  keytar?: KeytarApi;
  /** A locked keychain may wait for a prompt nobody answers; give up and say so after this long. */
  timeoutMs?: number;
}

/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux) through keytar.
 * Any failure becomes KEYCHAIN_UNAVAILABLE: the app refuses to keep keys anywhere else, unlike a silent
 * plaintext fallback.
 */
export function createKeytarKeyStore(options: KeytarKeyStoreOptions = {}): KeyStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const api = options.keytar ?? keytar;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const call = <T>(operation: string, run: () => Promise<T>) => withKeychainErrors(operation, run, timeoutMs);

  return {
    get: (account) => call('read', () => api.getPassword(service, account)),
    async set(account, secret) {
      const bytes = Buffer.byteLength(secret, 'utf8');
      if (bytes > MAX_SECRET_BYTES) {
        // Checked everywhere, not only on Windows, so a key that works here also works on a Windows machine.
        throw new AppError('KEYCHAIN_SECRET_TOO_LARGE', {
          nb: `Nøkkelen er ${bytes} byte, mer enn de ${MAX_SECRET_BYTES} byte Windows' nøkkelring tar. Bruk en RSA-2048-nøkkel.`,
          en: `The key is ${bytes} bytes, more than the ${MAX_SECRET_BYTES} bytes Windows' keychain accepts. Use an RSA-2048 key.`,
        });
      }
      await call('write', () => api.setPassword(service, account, secret));
    },
    delete: (account) => call('delete', () => api.deletePassword(service, account)),
    list: () => call('list', async () => (await api.findCredentials(service)).map((c) => c.account)),
  };
}

/**
 * Proves the keychain answers by writing, reading and deleting a throwaway entry. Run before generating a key,
 * so the user learns about a locked keychain before any work is lost.
 */
export async function assertKeychainUsable(store: KeyStore): Promise<void> {
  const account = `probe:${process.pid}:${Date.now()}`;
  await store.set(account, 'probe');
  const read = await store.get(account);
  await store.delete(account);
  if (read !== 'probe') throw keychainUnavailable('the keychain did not return what was written');
}

async function withKeychainErrors<T>(operation: string, run: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(keychainUnavailable(`no answer within ${timeoutMs} ms (is it locked, waiting for a password?)`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([run(), timeout]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw keychainUnavailable(`${operation} failed: ${(error as Error).message ?? String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

export function keychainUnavailable(cause: string): AppError {
  return new AppError(
    'KEYCHAIN_UNAVAILABLE',
    {
      nb:
        'Innsender får ikke brukt nøkkelringen i operativsystemet, og lagrer aldri nøkler i en vanlig fil. ' +
        'Lås opp nøkkelringen (macOS: Nøkkelring, Windows: Legitimasjonsbehandling, Linux: GNOME-nøkkelring eller KWallet ' +
        'må kjøre og være låst opp), og prøv igjen.',
      en:
        'Innsender cannot use the operating system keychain, and never keeps keys in a plain file. ' +
        'Unlock the keychain (macOS: Keychain, Windows: Credential Manager, Linux: GNOME Keyring or KWallet must be ' +
        'running and unlocked), then try again.',
    },
    [hintFor(cause), cause].filter((s): s is string => !!s),
  );
}

/** The two Linux failures people actually meet (electron-anchors.md §2.5), in words they can act on. */
function hintFor(cause: string): string | undefined {
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|dbus/i.test(cause)) {
    return 'No D-Bus session bus: start Innsender from a desktop session (or inside dbus-run-session).';
  }
  if (/org\.freedesktop\.secrets/.test(cause)) {
    return 'No Secret Service is running: install and start gnome-keyring (or KWallet, KeePassXC with Secret Service).';
  }
  if (/locked|prompt|dismissed/i.test(cause)) return 'The keychain is locked: unlock it and try again.';
  return undefined;
}
