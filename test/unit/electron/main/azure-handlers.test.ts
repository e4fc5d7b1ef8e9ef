/**
 * The `azure:*` handlers and the session's pieces that need no network: error mapping,
 * redaction of everything outgoing, and the e2e harness's "no network" default.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SecretRedactor } from '../../../../core/azure/redact';
import { createAzureHandlers, type AzureSessionApi } from '../../../../electron/main/ipc/azure-handlers';
import { IpcHandlerError } from '../../../../electron/main/ipc/register-handlers';
import { AzureSession, AzureSessionError, redactDeep } from '../../../../electron/main/services/azure/azure-session';
import { SignInConfigError } from '../../../../electron/main/services/azure/credentials';

const TOKEN = 'canary-access-token-unit-0123456789abcdef';

function stubSession(overrides: Partial<AzureSessionApi>): AzureSessionApi {
  const redactor = new SecretRedactor([TOKEN]);
  const fail = () => Promise.reject(new Error('not stubbed'));
  return {
    getSession: fail,
    signIn: fail,
    cancelSignIn: () => ({ cancelled: false }),
    signOut: fail,
    discoverScopes: fail,
    startPull: fail,
    cancelPull: () => ({ cancelled: false }),
    redact: redactor.redactor,
    ...overrides,
  } as AzureSessionApi;
}

describe('azure handlers', () => {
  it('turn session refusals into IPC errors with their code', async () => {
    const handlers = createAzureHandlers(stubSession({ discoverScopes: () => Promise.reject(new AzureSessionError('not-signed-in', 'Sign in first.')) }));
    await expect(handlers['azure:discover-scopes']({})).rejects.toEqual(new IpcHandlerError('not-signed-in', 'Sign in first.'));
  });

  it('redact an unexpected error before it can reach the renderer or a log', async () => {
    const handlers = createAzureHandlers(stubSession({ signIn: () => Promise.reject(new Error(`boom with ${TOKEN} and Bearer abc.def`)) }));
    const error = (await handlers['azure:sign-in']({ method: 'cli', target: { cloud: 'public' }, remember: false }).catch((e: unknown) => e)) as IpcHandlerError;
    expect(error).toBeInstanceOf(IpcHandlerError);
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain('abc.def');
  });

  it('pass the sender on, so events go back to the window that asked', async () => {
    const startPull = vi.fn(async () => ({ pullId: 'p' }));
    const handlers = createAzureHandlers(stubSession({ startPull }));
    await handlers['azure:start-pull']({ subscriptions: [], managementGroups: ['mg'] }, { senderId: 3 });
    expect(startPull).toHaveBeenCalledWith({ subscriptions: [], managementGroups: ['mg'] }, 3);
  });
});

describe('redactDeep', () => {
  it('redacts every string (keys too) and leaves the frozen input alone', () => {
    const redactor = new SecretRedactor([TOKEN]);
    const input = Object.freeze({ a: [`x ${TOKEN}`, 1, null, { [TOKEN]: true, nested: 'Bearer eyJhbGciOi.eyJzdWIiOi.sig' }], ok: 'plain' });
    const out = redactDeep(input, redactor.redactor);
    expect(JSON.stringify(out)).not.toContain(TOKEN);
    expect(JSON.stringify(out)).not.toContain('eyJ');
    expect(out.ok).toBe('plain');
    expect(input.a[0]).toContain(TOKEN);
  });
});

describe('AzureSession without network', () => {
  const basicText = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'basic_text',
    encryptString: () => Buffer.alloc(0),
    decryptString: () => '',
  };

  it('fails sign-in clearly when its factory refuses (the e2e default), and stays signed out', async () => {
    const directory = path.join(mkdtempSync(path.join(tmpdir(), 'demarc-azure-unit-')), 'azure');
    const emit = vi.fn();
    const session = new AzureSession({
      directory,
      safeStorage: basicText,
      platform: 'linux',
      emit,
      createSignIn: () => {
        throw new SignInConfigError('no network in tests');
      },
    });
    await expect(session.signIn({ method: 'device-code', target: { cloud: 'public' }, remember: false })).rejects.toMatchObject({
      code: 'sign-in-failed',
      message: expect.stringContaining('no network in tests'),
    });
    await expect(session.signIn({ method: 'device-code', target: { cloud: 'public' }, remember: true })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await session.getSession()).toMatchObject({ signedIn: false, canRemember: false, reason: expect.stringMatching(/keyring/i) });
    expect(session.cancelPull('nope')).toEqual({ cancelled: false });
    expect(emit).not.toHaveBeenCalled();
    expect(() => readdirSync(directory)).toThrow(); // nothing created
  });

  it('refuses a malformed custom cloud the schema let through', async () => {
    const session = new AzureSession({ directory: mkdtempSync(path.join(tmpdir(), 'demarc-azure-unit-')), safeStorage: basicText, platform: 'linux', emit: vi.fn() });
    await expect(
      session.signIn({ method: 'cli', target: { cloud: 'custom', armEndpoint: 'https://arm.example?x=1', authorityHost: 'https://login.example' }, remember: false }),
    ).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringContaining('query') });
  });
});
