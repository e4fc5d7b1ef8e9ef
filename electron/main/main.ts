/**
 * The Electron main process: wires the pure pieces (window options, protocol, guards, IPC
 * handlers) to Electron. Kept thin on purpose — everything with logic is tested without
 * Electron, and a smoke test runs this bundle under Node with a stub `electron`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, protocol, safeStorage, session, shell, webContents } from 'electron';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { writeFileAtomic } from '../../node/atomic-write';
import { developmentCsp } from './csp';
import { isAllowedExternalUrl } from './external-links';
import { createHandlers } from './ipc/handlers';
import { registerHandlers } from './ipc/register-handlers';
import { denyAllPermissions, installNavigationGuards } from './navigation-guards';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, originOf } from './origin';
import { isAllowedRendererRequest } from './renderer-network-policy';
import { AzureSession } from '../../node/azure/azure-session';
import { mainWindowOptions } from './window-options';

// Must happen before `ready`: standard + secure is what gives the app origin IndexedDB.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const devServerUrl = typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
const appOrigins = [APP_ORIGIN, ...(devServerUrl && !app.isPackaged ? [originOf(devServerUrl) ?? ''] : [])].filter(Boolean);
const windowIds = new Set<number>();
let azure: AzureSession | undefined;

function openExternalSafely(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({ preloadPath: path.join(__dirname, 'preload.cjs'), isPackaged: app.isPackaged }),
  );
  const id = window.webContents.id;
  windowIds.add(id);
  window.on('closed', () => {
    windowIds.delete(id);
    azure?.cancelPullsFor(id);
  });
  installNavigationGuards(window.webContents, appOrigins, openExternalSafely);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl && !app.isPackaged ? devServerUrl : APP_ENTRY_URL);
  return window;
}

function configureSession(): void {
  const ses = session.defaultSession;
  denyAllPermissions(ses);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRendererRequest(details.url, appOrigins) });
  });
  if (devServerUrl && !app.isPackaged) {
    const csp = developmentCsp(devServerUrl);
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }
}

/** After `ready` (before it, Linux reports the secret backend as `unknown`). */
function createAzureSession(): AzureSession {
  const created = new AzureSession({
    directory: path.join(app.getPath('userData'), 'azure'),
    safeStorage,
    platform: process.platform,
    // Events go to the window that asked (the pull's or the sign-in's sender), never elsewhere.
    emit: (senderId, event, payload) => {
      const targets = senderId === undefined ? [...windowIds] : [senderId];
      for (const id of targets) {
        const contents = windowIds.has(id) ? webContents.fromId(id) : undefined;
        if (contents && !contents.isDestroyed()) contents.send(event, payload);
      }
    },
    log: (line) => console.info(`[azure] ${line}`),
  });
  void created.restore();
  return created;
}

function registerIpc(): void {
  azure = createAzureSession();
  const azureSession = azure;
  registerHandlers(
    ipcMain,
    createHandlers({
      appInfo: {
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        isPackaged: app.isPackaged,
        electronVersion: process.versions.electron ?? null,
      },
      openExternal: (url) => shell.openExternal(url),
      showSaveDialog: async (options) => {
        const focused = BrowserWindow.getFocusedWindow();
        return focused ? dialog.showSaveDialog(focused, options) : dialog.showSaveDialog(options);
      },
      writeFile: writeFileAtomic,
      openPath: (file) => shell.openPath(file),
      showOpenFolderDialog: async ({ title }) => {
        const options = { title, properties: ['openDirectory' as const] };
        const focused = BrowserWindow.getFocusedWindow();
        return focused ? dialog.showOpenDialog(focused, options) : dialog.showOpenDialog(options);
      },
      safeStorage,
      azure: azureSession,
    }),
    { trustedOrigins: appOrigins, isOwnWebContents: (id) => windowIds.has(id) },
    (channel, error) => console.error(`[ipc] ${channel} failed:`, azureSession.redact(error instanceof Error ? (error.stack ?? error.message) : String(error))),
  );
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({
        root: path.join(__dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME),
        readFile: (file) => readFile(file),
      }),
    );
    configureSession();
    registerIpc();
    nativeTheme.on('updated', () => {
      for (const window of BrowserWindow.getAllWindows()) {
        window.webContents.send('app:native-theme-updated', { shouldUseDarkColors: nativeTheme.shouldUseDarkColors });
      }
    });
    createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  });

  app.on('before-quit', () => azure?.dispose());

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
