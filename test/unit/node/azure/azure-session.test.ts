/**
 * The session's pieces that need no network: redaction of everything outgoing, and the e2e
 * harness's "no network" default.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SecretRedactor } from '../../../../core/azure/redact';
import { AzureSession, redactDeep } from '../../../../node/azure/azure-session';
import { SignInConfigError } from '../../../../node/azure/credentials';
import { BAD_AUTHORITY_HOSTS } from '../../core/azure/bad-endpoints';

const TOKEN = 'canary-access-token-unit-0123456789abcdef';

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

  it.each(BAD_AUTHORITY_HOSTS)('refuses the custom authority host %s before any sign-in starts', async (authorityHost, reason) => {
    const createSignIn = vi.fn(() => {
      throw new SignInConfigError('must not be reached');
    });
    const session = new AzureSession({ directory: mkdtempSync(path.join(tmpdir(), 'demarc-azure-unit-')), safeStorage: basicText, platform: 'linux', emit: vi.fn(), createSignIn });
    const refusal = session.signIn({ method: 'browser', target: { cloud: 'custom', armEndpoint: 'https://management.contoso.example', authorityHost }, remember: false });
    await expect(refusal).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringMatching(reason) });
    expect(createSignIn).not.toHaveBeenCalled();
  });

  it('tells which authority host a target will use, refusing what a sign-in would refuse', () => {
    const session = new AzureSession({ directory: mkdtempSync(path.join(tmpdir(), 'demarc-azure-unit-')), safeStorage: basicText, platform: 'linux', emit: vi.fn() });
    expect(session.resolveTarget({ cloud: 'public' })).toEqual({ authorityHost: 'https://login.microsoftonline.com', armEndpoint: 'https://management.azure.com' });
    expect(session.resolveTarget({ cloud: 'custom', armEndpoint: 'https://arm.contoso.example/', authorityHost: 'https://Login.Contoso.example/adfs/' })).toEqual({
      authorityHost: 'https://login.contoso.example/adfs',
      armEndpoint: 'https://arm.contoso.example',
    });
    for (const [authorityHost, reason] of BAD_AUTHORITY_HOSTS) {
      expect(() => session.resolveTarget({ cloud: 'custom', armEndpoint: 'https://arm.contoso.example', authorityHost }), authorityHost).toThrow(reason);
    }
  });
});
