/**
 * Remembering sign-ins across restarts (docs/SECURITY.md row 16):
 * - the MSAL token cache, encrypted with Electron `safeStorage` through a small MSAL cache
 *   plugin registered with `useIdentityPlugin` (no keytar, no native keychain module);
 * - the non-secret `AuthenticationRecord` as plain JSON next to it.
 *
 * `safeStorage` is injected (the {@link SafeStorageCrypto} shape) so this runs under Vitest
 * and in the CLI without Electron. Persisting is refused when encryption is unavailable or
 * the Linux backend is `basic_text`, and the refusal says why.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { useIdentityPlugin, serializeAuthenticationRecord, deserializeAuthenticationRecord, type AuthenticationRecord } from '@azure/identity';
import { writeFileAtomic } from '../atomic-write';
import { secureStorageStatus, type SafeStorageLike, type SecureStorageStatus } from '../secure-storage-policy';

/** The part of Electron's `safeStorage` this module uses (sync API; async preferred when present). */
export interface SafeStorageCrypto extends SafeStorageLike {
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  encryptStringAsync?: (plainText: string) => Promise<Buffer>;
  decryptStringAsync?: (encrypted: Buffer) => Promise<{ result: string; shouldReEncrypt?: boolean }>;
}

/** The MSAL `TokenCacheContext` members the plugin touches (structural, no msal import). */
export interface CacheContextLike {
  cacheHasChanged: boolean;
  tokenCache: { serialize(): string; deserialize(cache: string): void };
}

/** Structural twin of MSAL's `ICachePlugin`. */
export interface CachePluginLike {
  beforeCacheAccess(context: CacheContextLike): Promise<void>;
  afterCacheAccess(context: CacheContextLike): Promise<void>;
}

/** Where and how the encrypted cache is stored. */
export interface SafeStorageCacheOptions {
  safeStorage: SafeStorageCrypto;
  /** `process.platform`; decides whether the Linux backend check applies. */
  platform: string;
  /** A private directory, e.g. `path.join(app.getPath('userData'), 'azure')`. */
  directory: string;
}

const FILE_MAGIC = 'demarc-msal-cache-v1\n';

async function encrypt(storage: SafeStorageCrypto, text: string): Promise<Buffer> {
  return storage.encryptStringAsync ? storage.encryptStringAsync(text) : storage.encryptString(text);
}

async function decrypt(storage: SafeStorageCrypto, bytes: Buffer): Promise<string> {
  if (storage.decryptStringAsync) return (await storage.decryptStringAsync(bytes)).result;
  return storage.decryptString(bytes);
}

function cacheFileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.cache.bin`;
}

/**
 * An MSAL cache plugin that keeps the serialized cache encrypted in `directory/<name>`.
 * It re-checks the storage policy before every write, so a keyring that disappears never
 * leads to a plain-text cache; a file it cannot decrypt is ignored (sign in again).
 */
export function createSafeStorageCachePlugin(options: SafeStorageCacheOptions & { name: string }): CachePluginLike {
  const file = path.join(options.directory, cacheFileName(options.name));
  return {
    async beforeCacheAccess(context) {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        return; // no cache yet
      }
      if (!secureStorageStatus(options.safeStorage, options.platform).canPersistSignIn) return;
      const magic = Buffer.from(FILE_MAGIC, 'utf8');
      if (bytes.length <= magic.length || !bytes.subarray(0, magic.length).equals(magic)) return;
      try {
        context.tokenCache.deserialize(await decrypt(options.safeStorage, bytes.subarray(magic.length)));
      } catch {
        // Undecryptable (other user, rotated key) or corrupt: start empty.
      }
    },
    async afterCacheAccess(context) {
      if (!context.cacheHasChanged) return;
      if (!secureStorageStatus(options.safeStorage, options.platform).canPersistSignIn) return;
      const encrypted = await encrypt(options.safeStorage, context.tokenCache.serialize());
      await mkdir(options.directory, { recursive: true, mode: 0o700 });
      await writeFileAtomic(file, Buffer.concat([Buffer.from(FILE_MAGIC, 'utf8'), encrypted]));
    },
  };
}

/**
 * Whether a token cache may be persisted now, without registering anything: the
 * {@link secureStorageStatus} policy, plus "not yet" while Linux still reports `unknown`.
 */
export function tokenCachePolicy(safeStorage: SafeStorageLike, platform: string): SecureStorageStatus {
  const status = secureStorageStatus(safeStorage, platform);
  if (status.backend === 'unknown' && platform === 'linux') {
    return { ...status, canPersistSignIn: false, reason: 'The secret store is not ready yet; sign-ins last until Demarc closes.' };
  }
  return status;
}

/**
 * Registers the safeStorage cache with `@azure/identity` when the policy allows it. Returns
 * the policy status: when `canPersistSignIn` is false nothing was registered and `reason`
 * says why (show it); create credentials with `persistTokenCache: status.canPersistSignIn`.
 * Call after Electron's `ready` (before it the Linux backend is `unknown`).
 */
export function registerSafeStorageTokenCache(options: SafeStorageCacheOptions): SecureStorageStatus {
  const status = tokenCachePolicy(options.safeStorage, options.platform);
  if (!status.canPersistSignIn) return status;
  useIdentityPlugin((context) => {
    const control = (context as { cachePluginControl: { setPersistence(factory: (o?: { name?: string }) => Promise<CachePluginLike>): void } })
      .cachePluginControl;
    control.setPersistence(async (persistence) =>
      createSafeStorageCachePlugin({ ...options, name: persistence?.name ?? 'msal.cache' }),
    );
  });
  return status;
}

/** The non-secret record of who signed in, kept so the next start can sign in silently. */
export interface AuthenticationRecordStore {
  load(): Promise<AuthenticationRecord | undefined>;
  save(record: AuthenticationRecord): Promise<void>;
  clear(): Promise<void>;
}

/** Stores the record as JSON at `directory/authentication-record.json`. */
export function createAuthenticationRecordStore(directory: string): AuthenticationRecordStore {
  const file = path.join(directory, 'authentication-record.json');
  return {
    async load() {
      try {
        return deserializeAuthenticationRecord(await readFile(file, 'utf8'));
      } catch {
        return undefined;
      }
    },
    async save(record) {
      await mkdir(directory, { recursive: true, mode: 0o700 });
      await writeFileAtomic(file, Buffer.from(serializeAuthenticationRecord(record), 'utf8'));
    },
    async clear() {
      await rm(file, { force: true });
    },
  };
}

/**
 * Deletes the encrypted caches and the record (sign out). Every `demarc*.cache.bin` goes:
 * `@azure/identity` 4.x spreads its options after the `.cae`/`.nocae` name it builds, so
 * both MSAL caches arrive as plain `demarc` (one shared file, which MSAL merges safely).
 */
export async function forgetSignIn(directory: string): Promise<void> {
  await rm(path.join(directory, 'authentication-record.json'), { force: true });
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return; // no folder, nothing remembered
  }
  for (const name of names) {
    if (/^demarc(\.[A-Za-z0-9_-]+)?\.cache\.bin$/.test(name)) await rm(path.join(directory, name), { force: true });
  }
}
