/**
 * The preload script: exposes `window.demarc` (named functions from the IPC contract) and
 * nothing else. It runs sandboxed, so it is bundled to one file that requires only
 * `electron`. The IPC event object never reaches page code.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createDemarcApi } from './create-api';

const api = createDemarcApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe: (event, listener) => {
    const strip = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, strip);
    return () => {
      ipcRenderer.removeListener(event, strip);
    };
  },
});

contextBridge.exposeInMainWorld('demarc', api);
