import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../../core/ipc/contract';
import {
  IpcHandlerError,
  handleRequest,
  registerHandlers,
  type Handlers,
  type IpcSenderEvent,
  type SenderPolicy,
} from '../../../../electron/main/ipc/register-handlers';

const policy: SenderPolicy = { trustedOrigins: ['app://main'], isOwnWebContents: (id) => id === 7 };
const trusted: IpcSenderEvent = { sender: { id: 7 }, senderFrame: { url: 'app://main/index.html', parent: null } };

const signedOut = { signedIn: false, account: null, remembered: false, canRemember: true, reason: null, notice: null, activePullId: null };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app:get-info': async () => ({ name: 'Demarc', version: '1.0.0', platform: 'linux', isPackaged: false, electronVersion: null }),
    'app:open-external': async () => ({ opened: true as const }),
    'file:save-document': async () => ({ saved: false, fileName: null, documentId: null }),
    'file:open-document': async () => ({ opened: true as const }),
    'file:choose-report-template': async () => ({ chosen: false, folderName: null, files: [], skipped: [] }),
    'secure-storage:get-status': async () => ({ encryptionAvailable: true, backend: 'gnome_libsecret', canPersistSignIn: true, reason: null }),
    'azure:get-session': async () => signedOut,
    'azure:resolve-target': async () => ({ authorityHost: 'https://login.microsoftonline.com', armEndpoint: 'https://management.azure.com' }),
    'azure:sign-in': async () => signedOut,
    'azure:cancel-sign-in': async () => ({ cancelled: false }),
    'azure:sign-out': async () => signedOut,
    'azure:discover-scopes': async () => ({ status: 'complete' as const, subscriptions: [], managementGroups: [], errors: [] }),
    'azure:start-pull': async () => ({ pullId: 'p' }),
    'azure:cancel-pull': async () => ({ cancelled: false }),
    'graph:start-pull': async () => ({ pullId: 'g' }),
    'graph:cancel-pull': async () => ({ cancelled: false }),
    ...overrides,
  };
}

describe('handleRequest', () => {
  const log = vi.fn();

  it('answers ok with the handler data for a trusted sender and a valid request', async () => {
    const result = await handleRequest('app:get-info', handlers()['app:get-info'], trusted, {}, policy, log);
    expect(result).toEqual({ ok: true, data: { name: 'Demarc', version: '1.0.0', platform: 'linux', isPackaged: false, electronVersion: null } });
  });

  it.each([
    ['a sub-frame', { sender: { id: 7 }, senderFrame: { url: 'app://main/index.html', parent: {} } }, 'main frame'],
    ['another origin', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }, 'not the app'],
    ['another app host', { sender: { id: 7 }, senderFrame: { url: 'app://evil/index.html', parent: null } }, 'not the app'],
    ['a file: page', { sender: { id: 7 }, senderFrame: { url: 'file:///tmp/x.html', parent: null } }, 'not the app'],
    ['another window', { sender: { id: 8 }, senderFrame: { url: 'app://main/index.html', parent: null } }, 'not a Demarc window'],
    ['a destroyed frame', { sender: { id: 7 }, senderFrame: null }, 'gone'],
  ] as const)('refuses %s without running the handler', async (_label, event, reason) => {
    const handler = vi.fn(async () => ({ opened: true as const }));
    const result = await handleRequest('app:open-external', handler, event, { url: 'https://learn.microsoft.com/' }, policy, log);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('untrusted-sender');
      expect(result.error.message).toContain(reason);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['undefined', undefined],
    ['a string', 'https://learn.microsoft.com/'],
    ['a missing field', {}],
    ['a wrong type', { url: 42 }],
    ['an extra field', { url: 'https://learn.microsoft.com/', path: '/etc/passwd' }],
    ['a prototype-pollution key', JSON.parse('{"url":"https://learn.microsoft.com/","__proto__":{"polluted":true}}')],
  ])('refuses a malformed payload (%s) without running the handler', async (_label, request) => {
    const handler = vi.fn(async () => ({ opened: true as const }));
    const result = await handleRequest('app:open-external', handler, trusted, request, policy, log);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-request');
    expect(handler).not.toHaveBeenCalled();
  });

  it('sees a __proto__ key in a request as a key (refused by name), not as a prototype to adopt', async () => {
    const request = JSON.parse('{"url":"https://learn.microsoft.com/","__proto__":{"polluted":true}}') as unknown;
    const result = await handleRequest('app:open-external', vi.fn(), trusted, request, policy, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('__proto__') } });
  });

  it('refuses a save request that smuggles a path or a file name with separators', async () => {
    const handler = vi.fn(async () => ({ saved: true, fileName: 'x', documentId: 'd' }));
    for (const request of [
      { kind: 'report', suggestedName: 'report.docx', bytes: new Uint8Array([1]), path: '/tmp/x.docx' },
      { kind: 'report', suggestedName: '../../.bashrc', bytes: new Uint8Array([1]) },
      { kind: 'report', suggestedName: 'C:\\Windows\\x.docx', bytes: new Uint8Array([1]) },
      { kind: 'report', suggestedName: 'ok.docx', bytes: 'not bytes' },
    ]) {
      const result = await handleRequest('file:save-document', handler, trusted, request, policy, log);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a deliberate handler error into its code and message', async () => {
    const result = await handleRequest(
      'app:open-external',
      async () => {
        throw new IpcHandlerError('forbidden', 'Not that link.');
      },
      trusted,
      { url: 'https://evil.example/' },
      policy,
      log,
    );
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'Not that link.' } });
  });

  it('hides the details of an unexpected error from the renderer and logs them', async () => {
    const logInternal = vi.fn();
    const result = await handleRequest(
      'app:get-info',
      async () => {
        throw new Error('ENOENT: /home/consultant/secret/path');
      },
      trusted,
      {},
      policy,
      logInternal,
    );
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    if (!result.ok) expect(result.error.message).not.toContain('/home/consultant');
    expect(logInternal).toHaveBeenCalledWith('app:get-info', expect.any(Error));
  });

  it('refuses to pass on an answer that breaks the response schema', async () => {
    const logInternal = vi.fn();
    const result = await handleRequest(
      'app:get-info',
      async () => ({ name: 'Demarc', version: '1', platform: 'linux', isPackaged: false, electronVersion: null, accessToken: 'eyJ...' }) as never,
      trusted,
      {},
      policy,
      logInternal,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-response' } });
    expect(JSON.stringify(result)).not.toContain('eyJ');
  });
});

describe('registerHandlers', () => {
  it('registers every channel of the contract through the wrapper', async () => {
    const registered = new Map<string, (event: IpcSenderEvent, request: unknown) => Promise<unknown>>();
    const names = registerHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, handlers(), policy, vi.fn());
    expect(names.sort()).toEqual([...channelNames].sort());
    expect([...registered.keys()].sort()).toEqual([...channelNames].sort());
    const untrusted = await registered.get('app:get-info')?.({ sender: { id: 1 }, senderFrame: { url: 'app://main/', parent: null } }, {});
    expect(untrusted).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('tells the handler which web contents asked (events go back there)', async () => {
    const registered = new Map<string, (event: IpcSenderEvent, request: unknown) => Promise<unknown>>();
    const startPull = vi.fn(async () => ({ pullId: 'p-1' }));
    registerHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, handlers({ 'azure:start-pull': startPull }), policy, vi.fn());
    const request = { subscriptions: ['00000000-0000-0000-0000-000000000001'], managementGroups: [] };
    expect(await registered.get('azure:start-pull')?.(trusted, request)).toEqual({ ok: true, data: { pullId: 'p-1' } });
    expect(startPull).toHaveBeenCalledWith(request, { senderId: 7 });
  });

  it('fails fast when a channel has no handler', () => {
    const incomplete = handlers();
    delete (incomplete as Partial<Handlers>)['file:save-document'];
    expect(() => registerHandlers({ handle: vi.fn() }, incomplete, policy, vi.fn())).toThrow(/file:save/);
  });
});
