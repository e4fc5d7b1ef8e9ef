import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../../electron/main/atomic-write';
import { createHandlers, type MainDeps } from '../../../../electron/main/ipc/handlers';
import { IpcHandlerError } from '../../../../electron/main/ipc/register-handlers';

function deps(overrides: Partial<MainDeps> = {}): MainDeps {
  return {
    appInfo: { name: 'Demarc', version: '0.1.0', platform: 'linux', isPackaged: false, electronVersion: null },
    openExternal: vi.fn(async () => undefined),
    showSaveDialog: vi.fn(async () => ({ canceled: true })),
    writeFile: writeFileAtomic,
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'gnome_libsecret' },
    ...overrides,
  };
}

describe('file:save-document', () => {
  it('writes the bytes where the user chose, answering only the base name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demarc-save-'));
    const target = path.join(dir, 'Contoso report.docx');
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: target }));
    const handlers = createHandlers(deps({ showSaveDialog }));
    const result = await handlers['file:save-document']({ kind: 'report', suggestedName: 'Contoso report.docx', bytes: new Uint8Array([80, 75, 3, 4]) });
    expect(result).toEqual({ saved: true, fileName: 'Contoso report.docx' });
    expect([...readFileSync(target)]).toEqual([80, 75, 3, 4]);
    expect(showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: 'Contoso report.docx', filters: [{ name: 'Word document', extensions: ['docx'] }] }),
    );
    expect(readdirSync(dir)).toEqual(['Contoso report.docx']);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const writeFile = vi.fn();
    const handlers = createHandlers(deps({ writeFile }));
    expect(await handlers['file:save-document']({ kind: 'assessment-bundle', suggestedName: 'a.demarc.json', bytes: new Uint8Array([1]) })).toEqual({
      saved: false,
      fileName: null,
    });
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('reports a write failure without leaving a partial file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demarc-save-'));
    const target = path.join(dir, 'missing-folder', 'x.docx');
    const handlers = createHandlers(deps({ showSaveDialog: async () => ({ canceled: false, filePath: target }) }));
    const error = await handlers['file:save-document']({ kind: 'report', suggestedName: 'x.docx', bytes: new Uint8Array([1]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcHandlerError);
    expect((error as IpcHandlerError).code).toBe('io-error');
    expect((error as IpcHandlerError).message).toContain('ENOENT');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('app:open-external', () => {
  it('opens allow-listed links and refuses the rest', async () => {
    const openExternal = vi.fn(async () => undefined);
    const handlers = createHandlers(deps({ openExternal }));
    await expect(handlers['app:open-external']({ url: 'https://servicetrust.microsoft.com/' })).resolves.toEqual({ opened: true });
    await expect(handlers['app:open-external']({ url: 'file:///etc/passwd' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(openExternal.mock.calls).toEqual([['https://servicetrust.microsoft.com/']]);
  });
});

describe('secure-storage:get-status', () => {
  it('refuses to persist sign-ins on the basic_text backend', async () => {
    const handlers = createHandlers(deps({ safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text' } }));
    const status = await handlers['secure-storage:get-status']({});
    expect(status.canPersistSignIn).toBe(false);
    expect(status.reason).toMatch(/keyring/i);
  });

  it('refuses when encryption is unavailable and allows a real keyring', async () => {
    const none = createHandlers(deps({ safeStorage: { isEncryptionAvailable: () => false } }));
    expect((await none['secure-storage:get-status']({})).canPersistSignIn).toBe(false);
    const keyring = createHandlers(deps());
    expect(await keyring['secure-storage:get-status']({})).toEqual({
      encryptionAvailable: true,
      backend: 'gnome_libsecret',
      canPersistSignIn: true,
      reason: null,
    });
  });
});
