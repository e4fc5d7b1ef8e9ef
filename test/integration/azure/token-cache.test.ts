/**
 * The safeStorage token cache plugin and the authentication-record store, against a real
 * temporary directory and an injected safeStorage look-alike.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveCloud } from '../../../core/azure/clouds';
import { createSignIn } from '../../../node/azure/credentials';
import { FakeEntra } from './fakes/fake-entra';
import { loopbackCertificate } from './fakes/tls';
import { canarySecret, CLIENT_ID, TENANT_ID } from './harness';
import {
  createAuthenticationRecordStore,
  createSafeStorageCachePlugin,
  registerSafeStorageTokenCache,
  type CacheContextLike,
} from '../../../node/azure/token-cache';
import { fakeSafeStorage } from './fakes/safe-storage';


function context(initial = ''): CacheContextLike & { state: string } {
  const ctx = {
    state: initial,
    cacheHasChanged: false,
    tokenCache: {
      serialize: () => ctx.state,
      deserialize: (s: string) => {
        ctx.state = s;
      },
    },
  };
  return ctx;
}

const CACHE_JSON = JSON.stringify({ AccessToken: { k: { secret: 'canary-cached-access-token-123456' } } });

describe('safeStorage token cache', () => {
  it('round-trips the cache encrypted on disk', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'demarc-cache-'));
    const safeStorage = fakeSafeStorage('gnome_libsecret');
    const plugin = createSafeStorageCachePlugin({ safeStorage, platform: 'linux', directory, name: 'demarc.cae' });
    const write = context(CACHE_JSON);
    write.cacheHasChanged = true;
    await plugin.afterCacheAccess(write);
    const files = await readdir(directory);
    expect(files).toEqual(['demarc.cae.cache.bin']);
    const raw = await readFile(path.join(directory, files[0]!));
    expect(raw.includes(Buffer.from('canary-cached-access-token-123456'))).toBe(false);
    const read = context();
    await createSafeStorageCachePlugin({ safeStorage, platform: 'linux', directory, name: 'demarc.cae' }).beforeCacheAccess(read);
    expect(read.state).toBe(CACHE_JSON);
  });

  it('refuses to persist on the basic_text backend and says why', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'demarc-cache-'));
    const safeStorage = fakeSafeStorage('basic_text');
    const status = registerSafeStorageTokenCache({ safeStorage, platform: 'linux', directory });
    expect(status.canPersistSignIn).toBe(false);
    expect(status.reason).toMatch(/keyring/i);
    const plugin = createSafeStorageCachePlugin({ safeStorage, platform: 'linux', directory, name: 'x' });
    const write = context(CACHE_JSON);
    write.cacheHasChanged = true;
    await plugin.afterCacheAccess(write);
    expect(await readdir(directory)).toEqual([]);
    expect(safeStorage.calls).toEqual([]);
  });

  it('refuses when encryption is unavailable, and before the app is ready on Linux', () => {
    const directory = os.tmpdir();
    expect(registerSafeStorageTokenCache({ safeStorage: fakeSafeStorage('kwallet5', false), platform: 'linux', directory }).canPersistSignIn).toBe(false);
    const early = registerSafeStorageTokenCache({ safeStorage: fakeSafeStorage('unknown'), platform: 'linux', directory });
    expect(early.canPersistSignIn).toBe(false);
    expect(early.reason).toMatch(/not ready/);
  });

  it('ignores a cache file it cannot decrypt', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'demarc-cache-'));
    const plugin = createSafeStorageCachePlugin({ safeStorage: fakeSafeStorage('kwallet6'), platform: 'linux', directory, name: 'n' });
    const write = context(CACHE_JSON);
    write.cacheHasChanged = true;
    await plugin.afterCacheAccess(write);
    const broken = fakeSafeStorage('kwallet6');
    broken.decryptString = () => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    };
    const read = context('unchanged');
    await createSafeStorageCachePlugin({ safeStorage: broken, platform: 'linux', directory, name: 'n' }).beforeCacheAccess(read);
    expect(read.state).toBe('unchanged');
  });

  it('stores the non-secret authentication record', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'demarc-record-'));
    const store = createAuthenticationRecordStore(directory);
    expect(await store.load()).toBeUndefined();
    const record = {
      authority: 'login.microsoftonline.com',
      homeAccountId: 'uid.utid',
      clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      tenantId: 'utid',
      username: 'consultant@contoso.example',
    };
    await store.save(record);
    expect(await store.load()).toEqual(record);
    const text = await readFile(path.join(directory, 'authentication-record.json'), 'utf8');
    expect(text).not.toMatch(/token|secret/i);
    await store.clear();
    expect(await store.load()).toBeUndefined();
  });
});

describe('sign-in remembered across restarts', () => {
  let entra: FakeEntra | undefined;
  afterAll(async () => {
    await entra?.stop();
  });

  it('a new credential (as after a restart) reuses the token from the encrypted cache', async () => {
    const secret = canarySecret();
    entra = await new FakeEntra({ tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: secret }).start();
    const { cert } = await loopbackCertificate();
    const directory = await mkdtemp(path.join(os.tmpdir(), 'demarc-persist-'));
    const safeStorage = fakeSafeStorage('gnome_libsecret');
    const status = registerSafeStorageTokenCache({ safeStorage, platform: 'linux', directory });
    expect(status.canPersistSignIn).toBe(true);
    const cloud = resolveCloud({ armEndpoint: 'https://127.0.0.1:1', authorityHost: entra.authorityHost }, { anyPort: true });
    const make = () =>
      createSignIn({ method: 'service-principal', cloud, tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: secret, tlsOptions: { ca: cert }, persistTokenCache: true });
    const first = await make().credential.getToken(cloud.tokenScope, { enableCae: true });
    expect(entra.tokenRequests).toHaveLength(1);
    const files = await readdir(directory);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const raw = await readFile(path.join(directory, file));
      expect(raw.includes(Buffer.from(first!.token))).toBe(false);
    }
    const second = await make().credential.getToken(cloud.tokenScope, { enableCae: true });
    expect(second!.token).toBe(first!.token);
    expect(entra.tokenRequests).toHaveLength(1);
    expect(safeStorage.calls).toContain('decrypt');
  });
});
