/**
 * Launches the built app in real Electron where the Electron binary is installed. On the
 * build machines it cannot be downloaded (no GitHub access), so the spec skips itself and
 * says why; the browser suite and the main-bundle smoke test cover everything else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * Where the Electron binary is, found the way the `electron` package finds it but without
 * requiring the package: since Electron 45 requiring it downloads a missing binary.
 */
function electronBinary(): { path: string } | { missing: string } {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binaryPath = relative ? path.join(distDir, relative) : '';
  if (binaryPath && existsSync(binaryPath)) return { path: binaryPath };
  return {
    missing: `the Electron binary is not installed (${binaryPath || path.join(distDir, '<binary>')} does not exist; npm ci downloads it from GitHub, which this machine cannot reach)`,
  };
}

const binary = electronBinary();
if ('missing' in binary) process.stderr.write(`[electron smoke] skipped: ${binary.missing}\n`);
const mainBundle = path.resolve(import.meta.dirname, '..', '..', '.vite', 'build', 'main.cjs');

test.describe('Electron app', () => {
  test.skip('missing' in binary, `Skipped: ${'missing' in binary ? binary.missing : ''}. Run on a machine where \`npm ci\` could download Electron.`);

  test('starts sandboxed and isolated, serving the renderer from app://', async () => {
    if (!('path' in binary)) return;
    const app = await electron.launch({ executablePath: binary.path, args: [mainBundle] });
    try {
      const window = await app.firstWindow();
      await expect(window.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
      expect(window.url()).toBe('app://main/index.html');
      const globals = await window.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        demarc: Object.keys((window as unknown as { demarc?: object }).demarc ?? {}).length > 0,
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', demarc: true });
      const windowCount = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
      expect(windowCount).toBe(1);
      await window.evaluate(() => {
        globalThis.location.href = 'https://example.com/';
      });
      await expect.poll(() => window.url()).toBe('app://main/index.html');
    } finally {
      await app.close();
    }
  });
});
