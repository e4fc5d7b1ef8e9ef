import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../../electron/main/atomic-write';
import { createHandlers, type MainDeps, type SaveDialogOptions } from '../../../electron/main/ipc/handlers';
import { registerHandlers, type IpcSenderEvent } from '../../../electron/main/ipc/register-handlers';

type Listener = (event: IpcSenderEvent, request: unknown) => Promise<unknown>;

/** The web contents id the harness gives the page under test. */
export const PAGE_WEB_CONTENTS_ID = 1;

export interface MainProcessHarness {
  invoke: (event: IpcSenderEvent, channel: string, request: unknown) => Promise<unknown>;
  saveFolder: string;
  dialogCalls: SaveDialogOptions[];
  openedExternally: string[];
  internalErrors: unknown[];
}

/** Turns `{__demarcBytes: base64}` (see bridge-shim.ts) back into bytes. */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.__demarcBytes === 'string' && Object.keys(record).length === 1) {
      return new Uint8Array(Buffer.from(record.__demarcBytes, 'base64'));
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/**
 * The real main-process handlers, registered through the real wrapper on a Map instead of
 * `ipcMain`. Only the Electron edges are stand-ins: the save dialog answers with a path in
 * a temporary folder, `shell.openExternal` records the URL, and safeStorage reports what
 * Electron reports on Linux without a keyring.
 */
export function createMainProcessHarness(trustedOrigin: string): MainProcessHarness {
  const registered = new Map<string, Listener>();
  const saveFolder = mkdtempSync(path.join(tmpdir(), 'demarc-e2e-save-'));
  const dialogCalls: SaveDialogOptions[] = [];
  const openedExternally: string[] = [];
  const internalErrors: unknown[] = [];
  const deps: MainDeps = {
    appInfo: { name: 'Demarc', version: process.env.npm_package_version ?? '0.0.0-test', platform: process.platform, isPackaged: false, electronVersion: null },
    openExternal: async (url) => {
      openedExternally.push(url);
    },
    showSaveDialog: async (options) => {
      dialogCalls.push(options);
      return { canceled: false, filePath: path.join(saveFolder, options.defaultPath) };
    },
    writeFile: writeFileAtomic,
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text' },
  };
  registerHandlers(
    { handle: (channel, listener) => registered.set(channel, listener) },
    createHandlers(deps),
    { trustedOrigins: [trustedOrigin], isOwnWebContents: (id) => id === PAGE_WEB_CONTENTS_ID },
    (_channel, error) => internalErrors.push(error),
  );
  return {
    saveFolder,
    dialogCalls,
    openedExternally,
    internalErrors,
    invoke: async (event, channel, request) => {
      const listener = registered.get(channel);
      if (!listener) return { ok: false, error: { code: 'invalid-request', message: `No such channel ${channel}` } };
      return listener(event, decode(request));
    },
  };
}
