/**
 * Runs the BUILT main-process bundle (`.vite/build/main.cjs`, from `npm run build`) under
 * Node with a stub `electron`, so a broken bundle or broken wiring fails here even though
 * Electron itself cannot start on these machines.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../core/ipc/contract';
import { mainWindowOptions } from '../../electron/main/window-options';

const root = path.resolve(import.meta.dirname, '..', '..');
const mainBundle = path.join(root, '.vite', 'build', 'main.cjs');
const preloadBundle = path.join(root, '.vite', 'build', 'preload.cjs');
const rendererDir = path.join(root, '.vite', 'renderer', 'main_window');

function runMainBundle(): Record<string, unknown> & { windows: { webPreferences: Record<string, unknown>; loadedUrl: string }[] } {
  const out = execFileSync(process.execPath, ['--require', path.join(import.meta.dirname, 'electron-stub.cjs'), mainBundle], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '' },
  });
  const line = out.trim().split('\n').pop() ?? '';
  return JSON.parse(line);
}

describe('built main bundle', () => {
  it('exists (run `npm run build` first)', () => {
    expect(existsSync(mainBundle), `${mainBundle} is missing`).toBe(true);
    expect(existsSync(preloadBundle)).toBe(true);
    expect(existsSync(path.join(rendererDir, 'index.html'))).toBe(true);
  });

  const record = runMainBundle();

  it('registers app:// as privileged before ready and enables the sandbox', () => {
    expect(record.schemesRegisteredBeforeReady).toBe(true);
    expect(record.sandboxEnabledBeforeReady).toBe(true);
    expect(record.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(record.handledProtocols).toEqual(['app']);
  });

  it('creates the window with the secure options and loads the app URL', () => {
    expect(record.windows).toHaveLength(1);
    const [window] = record.windows;
    const expected = mainWindowOptions({ preloadPath: path.join(root, '.vite', 'build', 'preload.cjs'), isPackaged: false }).webPreferences;
    expect(window?.webPreferences).toEqual(expected);
    expect(window?.loadedUrl).toBe('app://main/index.html');
  });

  it('registers a handler for every channel in the contract', () => {
    expect([...(record.ipcChannels as string[])].sort()).toEqual([...channelNames].sort());
  });

  it('keeps the Azure sign-in under the userData folder', () => {
    expect(record.userDataRequested).toBe(true);
  });

  it('installs the permission, network and navigation guards', () => {
    expect(record.permissionRequestHandler).toBe(true);
    expect(record.permissionCheckHandler).toBe(true);
    expect(record.beforeRequestFilter).toBe(true);
    expect(record.windowOpenHandler).toBe(true);
    expect(record.windowOpenResult).toEqual({ action: 'deny' });
    expect(record.navigationListeners).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect']));
  });
});

describe('built preload and renderer', () => {
  it('the sandboxed preload requires nothing but electron', () => {
    const code = readFileSync(preloadBundle, 'utf8');
    const required = [...code.matchAll(/require\((['"])([^'"]+)\1\)/g)].map((m) => m[2]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('the renderer bundle carries no Azure credential code or token endpoints', () => {
    const assets = readdirSync(path.join(rendererDir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const code = readFileSync(path.join(rendererDir, 'assets', asset), 'utf8');
      for (const marker of ['@azure/identity', 'login.microsoftonline.com', 'ClientSecretCredential', 'ipcRenderer']) {
        expect(code.includes(marker), `${asset} contains ${marker}`).toBe(false);
      }
    }
  });

  it('ships no source maps: no .map file and no sourceMappingURL comment', () => {
    const files = readdirSync(rendererDir, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((f) => /\.(js|css|html)$/.test(f))) {
      expect(readFileSync(path.join(rendererDir, file), 'utf8'), file).not.toMatch(/[#@] sourceMappingURL=/);
    }
  });

  it('starts its workers from files of its own (worker-src needs no blob:)', () => {
    const assets = readdirSync(path.join(rendererDir, 'assets'));
    const code = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(path.join(rendererDir, 'assets', f), 'utf8'));
    const workerUrls = code.flatMap((c) => [...c.matchAll(/new Worker\(new URL\(new URL\(`([^`]+)`,import\.meta\.url\)/g)].map((m) => m[1]));
    expect(workerUrls.sort()).toEqual([expect.stringMatching(/^commitments\.worker-[\w-]+\.js$/), expect.stringMatching(/^inventory\.worker-[\w-]+\.js$/), expect.stringMatching(/^report\.worker-[\w-]+\.js$/)]);
    for (const url of workerUrls) expect(assets).toContain(url);
    // every worker the renderer starts is one of those files (a blob: or data: worker would show here)
    expect(code.flatMap((c) => c.match(/new (?:Shared)?Worker\(/g) ?? [])).toHaveLength(workerUrls.length);
  });

  it('the built page has no inline script', () => {
    const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
