/**
 * A stand-in for the `electron` module, preloaded with `node --require` when the built main
 * bundle runs under plain Node. It records what the bundle asks of Electron and prints the
 * record as one JSON line when the fake app is ready and the window has loaded.
 */
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const record = {
  calls: [],
  privilegedSchemes: null,
  readyAt: null,
  schemesRegisteredBeforeReady: false,
  sandboxEnabledBeforeReady: false,
  handledProtocols: [],
  ipcChannels: [],
  windows: [],
  permissionRequestHandler: false,
  permissionCheckHandler: false,
  beforeRequestFilter: false,
  windowOpenHandler: false,
  navigationListeners: [],
  userDataRequested: false,
};
// A throwaway userData folder: the Azure session keeps its remembered sign-in under it.
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'demarc-smoke-userdata-'));
let ready = false;

function log(name) {
  record.calls.push(name);
}

class FakeWebContents extends EventEmitter {
  constructor(id) {
    super();
    this.id = id;
  }
  setWindowOpenHandler(handler) {
    record.windowOpenHandler = typeof handler === 'function';
    this.windowOpenHandlerResult = handler({ url: 'https://example.com/' });
  }
  on(event, listener) {
    record.navigationListeners.push(event);
    return super.on(event, listener);
  }
  send() {}
  isDestroyed() {
    return false;
  }
}

let nextId = 1;
const windows = [];
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents(nextId++);
    windows.push(this);
    record.windows.push({ webPreferences: options.webPreferences, loadedUrl: null });
  }
  static getAllWindows() {
    return windows;
  }
  static getFocusedWindow() {
    return windows[0] ?? null;
  }
  async loadURL(url) {
    record.windows[windows.indexOf(this)].loadedUrl = url;
    // Report once the first window has loaded.
    setImmediate(() => {
      record.windowOpenResult = this.webContents.windowOpenHandlerResult;
      process.stdout.write(`${JSON.stringify(record)}\n`);
      process.exit(0);
    });
  }
  once() {}
  isMinimized() {
    return false;
  }
  show() {}
}

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  getName: () => 'Demarc',
  getVersion: () => '0.0.0-smoke',
  getPath: (name) => {
    if (name !== 'userData') throw new Error(`the stub knows only userData, not ${name}`);
    record.userDataRequested = true;
    return userData;
  },
  enableSandbox: () => {
    log('app.enableSandbox');
    if (!ready) record.sandboxEnabledBeforeReady = true;
  },
  requestSingleInstanceLock: () => true,
  whenReady: () =>
    new Promise((resolve) => {
      setImmediate(() => {
        ready = true;
        record.readyAt = record.calls.length;
        resolve();
      });
    }),
  quit: () => process.exit(3),
});

const electronStub = {
  app,
  BrowserWindow,
  dialog: { showSaveDialog: async () => ({ canceled: true }) },
  ipcMain: {
    handle: (channel) => record.ipcChannels.push(channel),
  },
  nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false }),
  protocol: {
    registerSchemesAsPrivileged: (schemes) => {
      log('protocol.registerSchemesAsPrivileged');
      record.privilegedSchemes = schemes;
      if (!ready) record.schemesRegisteredBeforeReady = true;
    },
    handle: (scheme) => record.handledProtocols.push(scheme),
  },
  safeStorage: {
    isEncryptionAvailable: () => false,
    getSelectedStorageBackend: () => 'basic_text',
    encryptString: () => {
      throw new Error('the smoke stub cannot encrypt');
    },
    decryptString: () => {
      throw new Error('the smoke stub cannot decrypt');
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => {
        record.permissionRequestHandler = true;
      },
      setPermissionCheckHandler: () => {
        record.permissionCheckHandler = true;
      },
      webRequest: {
        onBeforeRequest: () => {
          record.beforeRequestFilter = true;
        },
        onHeadersReceived: () => undefined,
      },
    },
  },
  shell: { openExternal: async () => undefined, openPath: async () => '' },
  webContents: {
    fromId: (id) => windows.find((w) => w.webContents.id === id)?.webContents,
  },
};

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron' || request === 'electron/main') return electronStub;
  return originalLoad.call(this, request, parent, isMain);
};
