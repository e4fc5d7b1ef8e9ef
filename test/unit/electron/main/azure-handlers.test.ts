/**
 * The `azure:*` handlers: error mapping, redaction of everything outgoing, the sender passed on.
 * The session itself is tested in test/unit/node/azure/azure-session.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { SecretRedactor } from '../../../../core/azure/redact';
import { createAzureHandlers, type AzureSessionApi } from '../../../../electron/main/ipc/azure-handlers';
import { IpcHandlerError } from '../../../../electron/main/ipc/register-handlers';
import { AzureSessionError } from '../../../../node/azure/azure-session';

const TOKEN = 'canary-access-token-unit-0123456789abcdef';

function stubSession(overrides: Partial<AzureSessionApi>): AzureSessionApi {
  const redactor = new SecretRedactor([TOKEN]);
  const fail = () => Promise.reject(new Error('not stubbed'));
  return {
    getSession: fail,
    resolveTarget: () => {
      throw new Error('not stubbed');
    },
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

  it('answer which authority host a target resolves to, and pass a refusal on with its code', async () => {
    const resolveTarget = vi.fn((target: { cloud: string }) => {
      if (target.cloud === 'custom') throw new AzureSessionError('invalid-request', 'Invalid cloud: authority host must use the default https port (443), not 8443');
      return { authorityHost: 'https://login.microsoftonline.us', armEndpoint: 'https://management.usgovcloudapi.net' };
    });
    const handlers = createAzureHandlers(stubSession({ resolveTarget: resolveTarget as AzureSessionApi['resolveTarget'] }));
    expect(await handlers['azure:resolve-target']({ target: { cloud: 'usgov' } })).toEqual({
      authorityHost: 'https://login.microsoftonline.us',
      armEndpoint: 'https://management.usgovcloudapi.net',
    });
    await expect(
      handlers['azure:resolve-target']({ target: { cloud: 'custom', armEndpoint: 'https://arm.contoso.example', authorityHost: 'https://login.contoso.example:8443' } }),
    ).rejects.toEqual(new IpcHandlerError('invalid-request', 'Invalid cloud: authority host must use the default https port (443), not 8443'));
  });
});
