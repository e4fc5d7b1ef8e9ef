/**
 * Runs in the page before the app's scripts (Playwright `addInitScript`). It builds
 * `window.demarc` with the preload's own `createDemarcApi`, but the transport is a
 * Playwright binding that runs the real main-process handler in the test's Node process.
 */
import { createDemarcApi } from '../../../electron/preload/create-api';

type Binding = (channel: string, request: unknown) => Promise<unknown>;

declare global {
  interface Window {
    __demarcInvoke?: Binding;
    __demarcEmit?: (event: string, payload: unknown) => void;
  }
}

/** Bytes cannot cross a Playwright binding as they are; they travel as base64. */
function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    let binary = '';
    for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
    return { __demarcBytes: btoa(binary) };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const invoke = window.__demarcInvoke;

if (invoke) {
  const api = createDemarcApi({
    invoke: (channel, request) => invoke(channel, encode(request)),
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  });
  Object.defineProperty(window, 'demarc', { value: api, writable: false, configurable: false, enumerable: true });
  // Lets a test push a main-process event, as `webContents.send` would.
  Object.defineProperty(window, '__demarcEmit', {
    value: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
    writable: false,
    configurable: false,
  });
}
