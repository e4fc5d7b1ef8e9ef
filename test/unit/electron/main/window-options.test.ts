import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../../electron/main/window-options';

describe('mainWindowOptions', () => {
  const unpackaged = mainWindowOptions({ preloadPath: '/app/.vite/build/preload.cjs', isPackaged: false }).webPreferences;
  const packaged = mainWindowOptions({ preloadPath: '/app/.vite/build/preload.cjs', isPackaged: true }).webPreferences;

  it('sets every security preference explicitly', () => {
    for (const prefs of [unpackaged, packaged]) {
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(prefs).not.toHaveProperty('additionalArguments');
    }
  });

  it('uses the given preload script', () => {
    expect(unpackaged.preload).toBe('/app/.vite/build/preload.cjs');
  });

  it('enables DevTools only when the app is not packaged', () => {
    expect(unpackaged.devTools).toBe(true);
    expect(packaged.devTools).toBe(false);
  });
});
