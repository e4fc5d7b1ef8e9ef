/**
 * Whether Demarc may persist a sign-in (token cache) with Electron's safeStorage
 * (docs/SECURITY.md row 16): only when encryption is available and the backend is a real
 * keyring — never on Linux's `basic_text` fallback, which is a hard-coded password.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only in Electron; other platforms report a platform keychain. */
  getSelectedStorageBackend?: () => string;
}

export interface SecureStorageStatus {
  encryptionAvailable: boolean;
  backend: string;
  canPersistSignIn: boolean;
  reason: string | null;
}

export function secureStorageStatus(safeStorage: SafeStorageLike, platform: string): SecureStorageStatus {
  const encryptionAvailable = safeStorage.isEncryptionAvailable();
  const backend =
    platform === 'linux' && safeStorage.getSelectedStorageBackend
      ? safeStorage.getSelectedStorageBackend()
      : platform === 'darwin'
        ? 'keychain'
        : platform === 'win32'
          ? 'dpapi'
          : 'unknown';
  if (!encryptionAvailable) {
    return { encryptionAvailable, backend, canPersistSignIn: false, reason: 'The operating system offers no encryption for stored secrets; sign-ins last until Demarc closes.' };
  }
  if (backend === 'basic_text') {
    return {
      encryptionAvailable,
      backend,
      canPersistSignIn: false,
      reason: 'No keyring (GNOME Keyring or KWallet) is running, so secrets would only be obfuscated; sign-ins last until Demarc closes.',
    };
  }
  return { encryptionAvailable, backend, canPersistSignIn: true, reason: null };
}
