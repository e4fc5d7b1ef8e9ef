import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../../node/atomic-write';
import type { AzureSessionApi } from '../../../../electron/main/ipc/azure-handlers';
import { createHandlers, type MainDeps } from '../../../../electron/main/ipc/handlers';
import { IpcHandlerError } from '../../../../electron/main/ipc/register-handlers';

/** These tests do not touch Azure (see test/integration/azure/azure-session.test.ts). */
const noAzure = new Proxy({ redact: (text: string) => text } as AzureSessionApi, {
  get: (target, key) => (key in target ? target[key as keyof AzureSessionApi] : () => Promise.reject(new Error(`unexpected azure.${String(key)}`))),
});

function deps(overrides: Partial<MainDeps> = {}): MainDeps {
  return {
    appInfo: { name: 'Demarc', version: '0.1.0', platform: 'linux', isPackaged: false, electronVersion: null },
    openExternal: vi.fn(async () => undefined),
    showSaveDialog: vi.fn(async () => ({ canceled: true })),
    writeFile: writeFileAtomic,
    openPath: vi.fn(async () => ''),
    showOpenFolderDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'gnome_libsecret' },
    azure: noAzure,
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
    expect(result).toEqual({ saved: true, fileName: 'Contoso report.docx', documentId: expect.any(String) });
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
      documentId: null,
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

describe('file:save-document: only the extension of each document kind', () => {
  it.each([
    ['report', 'x.hta'],
    ['report', 'x.lnk'],
    ['report', 'report.docx.exe'],
    ['register-csv', 'register.docx'],
    ['register-xlsx', 'register.xlsm'],
    ['register-xlsx', 'register.csv'],
    ['assessment-bundle', 'contoso.json'],
    ['inventory', 'inventory.js'],
  ] as const)('refuses to write a %s chosen as %s', async (kind, chosen) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demarc-save-'));
    const handlers = createHandlers(deps({ showSaveDialog: async () => ({ canceled: false, filePath: path.join(dir, chosen) }) }));
    const suggested = { report: 'r.docx', 'register-csv': 'r.csv', 'register-xlsx': 'r.xlsx', 'assessment-bundle': 'a.demarc.json', inventory: 'i.json' }[kind];
    await expect(handlers['file:save-document']({ kind, suggestedName: suggested, bytes: new Uint8Array([1]) })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining(`${chosen} was not saved`),
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a suggested name with another extension before any dialog shows', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: true }));
    const handlers = createHandlers(deps({ showSaveDialog }));
    await expect(handlers['file:save-document']({ kind: 'report', suggestedName: 'x.hta', bytes: new Uint8Array([1]) })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['report', 'Contoso.DOCX'],
    ['register-csv', 'register.csv'],
    ['register-xlsx', 'Register.XLSX'],
    ['assessment-bundle', 'contoso.demarc.json'],
    ['inventory', 'inventory.json'],
  ] as const)('saves and opens a %s named %s', async (kind, chosen) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demarc-save-'));
    const openPath = vi.fn(async () => '');
    const handlers = createHandlers(deps({ openPath, showSaveDialog: async () => ({ canceled: false, filePath: path.join(dir, chosen) }) }));
    const saved = await handlers['file:save-document']({ kind, suggestedName: chosen, bytes: new Uint8Array([1]) });
    await handlers['file:open-document']({ documentId: saved.documentId! });
    expect(openPath).toHaveBeenCalledWith(path.join(dir, chosen));
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

describe('file:open-document', () => {
  it('opens only a document this session saved, by its opaque id', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demarc-open-'));
    const target = path.join(dir, 'report.docx');
    const openPath = vi.fn(async () => '');
    const handlers = createHandlers(
      deps({ openPath, showSaveDialog: async () => ({ canceled: false, filePath: target }), newDocumentId: () => 'doc-1' }),
    );
    const saved = await handlers['file:save-document']({ kind: 'report', suggestedName: 'report.docx', bytes: new Uint8Array([1]) });
    expect(saved).toEqual({ saved: true, fileName: 'report.docx', documentId: 'doc-1' });
    await expect(handlers['file:open-document']({ documentId: 'doc-1' })).resolves.toEqual({ opened: true });
    expect(openPath).toHaveBeenCalledWith(target);
    await expect(handlers['file:open-document']({ documentId: 'doc-2' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(openPath).toHaveBeenCalledTimes(1);
  });

  it('refuses to open a saved document replaced since by a link to something else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demarc-open-'));
    const target = path.join(dir, 'report.docx');
    const openPath = vi.fn(async () => '');
    const handlers = createHandlers(deps({ openPath, showSaveDialog: async () => ({ canceled: false, filePath: target }), newDocumentId: () => 'doc-1' }));
    await handlers['file:save-document']({ kind: 'report', suggestedName: 'report.docx', bytes: new Uint8Array([1]) });
    writeFileSync(path.join(dir, 'x.hta'), '<script>');
    rmSync(target);
    symlinkSync(path.join(dir, 'x.hta'), target);
    await expect(handlers['file:open-document']({ documentId: 'doc-1' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(openPath).not.toHaveBeenCalled();
  });

  it('reports the operating system refusing to open the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demarc-open-'));
    const handlers = createHandlers(
      deps({
        openPath: async () => 'No application is associated with .docx',
        showSaveDialog: async () => ({ canceled: false, filePath: path.join(dir, 'r.docx') }),
        newDocumentId: () => 'doc-1',
      }),
    );
    await handlers['file:save-document']({ kind: 'report', suggestedName: 'r.docx', bytes: new Uint8Array([1]) });
    await expect(handlers['file:open-document']({ documentId: 'doc-1' })).rejects.toMatchObject({
      code: 'io-error',
      message: expect.stringContaining('No application'),
    });
  });
});

describe('file:choose-report-template', () => {
  it('reads the chosen folder, answering only its name and the template files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demarc-template-'));
    const folder = path.join(dir, 'Acme firm');
    mkdirSync(path.join(folder, 'blocks'), { recursive: true });
    writeFileSync(path.join(folder, 'template.yaml'), 'name: Acme\n');
    writeFileSync(path.join(folder, 'blocks', 'intro.md'), 'Hello {{client}}');
    writeFileSync(path.join(folder, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(path.join(folder, '.secret.md'), 'hidden');
    writeFileSync(path.join(folder, 'run.sh'), 'rm -rf /');
    symlinkSync('/etc/passwd', path.join(folder, 'passwd.md'));
    const handlers = createHandlers(deps({ showOpenFolderDialog: async () => ({ canceled: false, filePaths: [folder] }) }));
    const result = await handlers['file:choose-report-template']({});
    expect(result.chosen).toBe(true);
    expect(result.folderName).toBe('Acme firm');
    expect(result.files.map((f) => f.path).sort()).toEqual(['blocks/intro.md', 'logo.png', 'template.yaml']);
    expect(result.files.find((f) => f.path === 'blocks/intro.md')?.text).toBe('Hello {{client}}');
    expect([...(result.files.find((f) => f.path === 'logo.png')?.bytes ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(result.skipped).toEqual([
      { path: '.secret.md', reason: 'hidden' },
      { path: 'passwd.md', reason: 'a link or special file; only regular files are read' },
      { path: 'run.sh', reason: 'not a template file (.yaml, .md, .txt, .png, .jpg, .docx)' },
    ]);
    expect(JSON.stringify(result)).not.toContain(dir);
  });

  it('answers not chosen when the dialog is cancelled', async () => {
    const handlers = createHandlers(deps());
    expect(await handlers['file:choose-report-template']({})).toEqual({ chosen: false, folderName: null, files: [], skipped: [] });
  });
});
