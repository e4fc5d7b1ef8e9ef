import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventName } from '../../../core/ipc/contract';
import { writeFileAtomic } from '../../../node/atomic-write';
import { createHandlers, type MainDeps, type SaveDialogOptions } from '../../../electron/main/ipc/handlers';
import { registerHandlers, type IpcSenderEvent } from '../../../electron/main/ipc/register-handlers';
import { AzureSession, type AzureSessionOptions } from '../../../node/azure/azure-session';
import { SignInConfigError } from '../../../node/azure/credentials';
import type { SafeStorageCrypto } from '../../../node/azure/token-cache';

type Listener = (event: IpcSenderEvent, request: unknown) => Promise<unknown>;

/** The web contents id the harness gives the page under test. */
export const PAGE_WEB_CONTENTS_ID = 1;

/**
 * Azure settings for the harness (all optional): point `tlsOptions` at the loopback fakes'
 * certificate and the session signs in for real against them — see `azure-fakes.ts`.
 * Without them, every sign-in fails with "no network in tests".
 */
export type HarnessAzureOptions = Partial<Omit<AzureSessionOptions, 'emit'>>;

export interface MainProcessHarnessOptions {
  azure?: HarnessAzureOptions;
  /** The folder the folder dialog answers with; default the bundled templates/default. */
  templateFolder?: string;
}

/** An event main pushed to the page, as `webContents.send` would. */
export interface EmittedEvent {
  event: EventName;
  payload: unknown;
}

export interface MainProcessHarness {
  invoke: (event: IpcSenderEvent, channel: string, request: unknown) => Promise<unknown>;
  saveFolder: string;
  dialogCalls: SaveDialogOptions[];
  openedExternally: string[];
  /** Files main was asked to open in their default application (`shell.openPath`). */
  openedDocuments: string[];
  internalErrors: unknown[];
  /** The real Azure session behind the `azure:*` channels. */
  azure: AzureSession;
  /** Every event main emitted, in order (also delivered to the event sink). */
  events: EmittedEvent[];
  /** Where events go: the `app` fixture forwards them into the page (`window.__demarcEmit`). */
  setEventSink: (sink: ((event: EventName, payload: unknown) => void) | undefined) => void;
  dispose: () => void;
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

/** What Electron reports on Linux without a keyring; it cannot encrypt anything. */
const basicTextSafeStorage: SafeStorageCrypto = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => {
    throw new Error('basic_text: Demarc never encrypts with it');
  },
  decryptString: () => {
    throw new Error('basic_text: Demarc never decrypts with it');
  },
};

/**
 * The real main-process handlers, registered through the real wrapper on a Map instead of
 * `ipcMain`. Only the Electron edges are stand-ins: the save dialog answers with a path in
 * a temporary folder, `shell.openExternal` records the URL, safeStorage reports what
 * Electron reports on Linux without a keyring, and events go to an injectable sink.
 */
export function createMainProcessHarness(trustedOrigin: string, options: MainProcessHarnessOptions = {}): MainProcessHarness {
  const registered = new Map<string, Listener>();
  const saveFolder = mkdtempSync(path.join(tmpdir(), 'demarc-e2e-save-'));
  const dialogCalls: SaveDialogOptions[] = [];
  const openedExternally: string[] = [];
  const openedDocuments: string[] = [];
  const internalErrors: unknown[] = [];
  const events: EmittedEvent[] = [];
  let sink: ((event: EventName, payload: unknown) => void) | undefined;
  const azure = new AzureSession({
    directory: mkdtempSync(path.join(tmpdir(), 'demarc-e2e-azure-')),
    safeStorage: basicTextSafeStorage,
    platform: 'linux',
    ...(options.azure ?? {
      createSignIn: () => {
        throw new SignInConfigError('no network in tests: give createMainProcessHarness an `azure` option pointing at the fakes (test/e2e/harness/azure-fakes.ts)');
      },
    }),
    emit: (senderId, event, payload) => {
      if (senderId !== undefined && senderId !== PAGE_WEB_CONTENTS_ID) return;
      events.push({ event, payload });
      sink?.(event, payload);
    },
  });
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
    // The folder dialog answers with the bundled default template (a real folder on disk).
    showOpenFolderDialog: async () => ({
      canceled: false,
      filePaths: [options.templateFolder ?? path.resolve(import.meta.dirname, '..', '..', '..', 'templates', 'default')],
    }),
    openPath: async (file) => {
      openedDocuments.push(file);
      return '';
    },
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text' },
    azure,
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
    openedDocuments,
    internalErrors,
    azure,
    events,
    setEventSink: (next) => {
      sink = next;
    },
    dispose: () => azure.dispose(),
    invoke: async (event, channel, request) => {
      const listener = registered.get(channel);
      if (!listener) return { ok: false, error: { code: 'invalid-request', message: `No such channel ${channel}` } };
      return listener(event, decode(request));
    },
  };
}
