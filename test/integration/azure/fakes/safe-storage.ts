/**
 * Stand-ins for Electron's `safeStorage`: one that "encrypts" (XOR, reversible, visibly not
 * plain text) on a chosen Linux backend, and the `basic_text` case Demarc must refuse.
 */
import type { SafeStorageCrypto } from '../../../../node/azure/token-cache';

export interface FakeSafeStorage extends SafeStorageCrypto {
  /** `encrypt` / `decrypt`, in call order. */
  calls: string[];
}

export function fakeSafeStorage(backend = 'gnome_libsecret', available = true): FakeSafeStorage {
  const calls: string[] = [];
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((x) => x ^ 0x5a));
  return {
    calls,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => {
      calls.push('encrypt');
      return xor(Buffer.from(text, 'utf8'));
    },
    decryptString: (bytes) => {
      calls.push('decrypt');
      return xor(bytes).toString('utf8');
    },
  };
}
