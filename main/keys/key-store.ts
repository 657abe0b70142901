/**
 * Where private keys live: the OS keychain, one secret string per account. The port keeps keytar replaceable
 * (by @napi-rs/keyring or a safeStorage envelope, electron-anchors.md §2.9) without touching the key code.
 */
export interface KeyStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** The accounts this store holds, never their secrets. */
  list(): Promise<string[]>;
}

/** Windows Credential Manager refuses secrets above 5 × 512 bytes (CRED_MAX_CREDENTIAL_BLOB_SIZE). */
export const MAX_SECRET_BYTES = 2560;
