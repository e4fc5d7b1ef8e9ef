import { describe, expect, it, vi } from 'vitest';
import { EXTERNAL_HOST_ALLOWLIST, isAllowedExternalUrl } from '../../../../electron/main/external-links';
import { denyAllPermissions, installNavigationGuards, isAppNavigation } from '../../../../electron/main/navigation-guards';
import { APP_ORIGIN, originOf } from '../../../../electron/main/origin';
import { isAllowedRendererRequest } from '../../../../electron/main/renderer-network-policy';

describe('originOf', () => {
  it('keeps the host of app:// URLs (URL.origin would be "null")', () => {
    expect(new URL('app://main/index.html').origin).toBe('null');
    expect(originOf('app://main/index.html')).toBe('app://main');
    expect(originOf('app://other/index.html')).toBe('app://other');
    expect(originOf('https://learn.microsoft.com/x')).toBe('https://learn.microsoft.com');
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('file:///etc/passwd')).toBeNull();
  });
});

describe('navigation guards', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    return {
      contents: {
        on: (event: string, listener: (event: { preventDefault: () => void }, url: string) => void) => listeners.set(event, listener),
        setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
          openHandler = handler;
        },
      },
      navigate(event: 'will-navigate' | 'will-redirect', url: string) {
        const preventDefault = vi.fn();
        listeners.get(event)?.({ preventDefault }, url);
        return preventDefault.mock.calls.length > 0;
      },
      open: (url: string) => openHandler?.({ url }),
    };
  }

  it('blocks navigation and redirects away from the app origin', () => {
    const fake = fakeContents();
    installNavigationGuards(fake.contents, [APP_ORIGIN], vi.fn());
    for (const event of ['will-navigate', 'will-redirect'] as const) {
      expect(fake.navigate(event, 'app://main/index.html#/risks')).toBe(false);
      expect(fake.navigate(event, 'https://example.com')).toBe(true);
      expect(fake.navigate(event, 'app://evil/index.html')).toBe(true);
      expect(fake.navigate(event, 'file:///etc/passwd')).toBe(true);
      expect(fake.navigate(event, 'https://example.com/?app://main')).toBe(true);
      expect(fake.navigate(event, 'javascript:alert(1)')).toBe(true);
    }
  });

  it('denies every new window, opening only allow-listed https links externally', () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    installNavigationGuards(fake.contents, [APP_ORIGIN], openExternal);
    expect(fake.open('https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility')).toEqual({ action: 'deny' });
    expect(fake.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(fake.open('file:///c:/windows/system32/calc.exe')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility']]);
  });

  it('isAppNavigation compares exact origins', () => {
    expect(isAppNavigation('app://main/x', [APP_ORIGIN])).toBe(true);
    expect(isAppNavigation('app://mainx/x', [APP_ORIGIN])).toBe(false);
  });

  it('refuses every permission request and check', () => {
    let requestHandler: ((wc: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: ((wc: unknown, p: string) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => {
        requestHandler = h;
      },
      setPermissionCheckHandler: (h) => {
        checkHandler = h;
      },
    });
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler?.({}, permission)).toBe(false);
    }
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    'javascript:alert(1)',
    'file:///c:/windows/system32/calc.exe',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'http://learn.microsoft.com/',
    'https://learn.microsoft.com.evil.example/',
    'https://evil-learn.microsoft.com/',
    'https://user:pass@learn.microsoft.com/',
    'https://learn.microsoft.com:8443/',
    'HTTPS://evil.example/',
    'vscode://file/etc/passwd',
    '//learn.microsoft.com/',
    '',
    `https://learn.microsoft.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('allows https links to the listed hosts, case-insensitively', () => {
    expect(isAllowedExternalUrl('https://learn.microsoft.com/en-us/security/benchmark/azure/')).toBe(true);
    expect(isAllowedExternalUrl('https://SERVICETRUST.microsoft.com/')).toBe(true);
    expect(EXTERNAL_HOST_ALLOWLIST.every((host) => host === host.toLowerCase())).toBe(true);
  });

  it('allows the device-code sign-in pages of the public, China and US Government clouds', () => {
    for (const url of ['https://microsoft.com/devicelogin', 'https://microsoft.com/deviceloginchina', 'https://login.microsoftonline.us/common/oauth2/deviceauth', 'https://login.microsoft.com/device']) {
      expect(isAllowedExternalUrl(url), url).toBe(true);
    }
    expect(isAllowedExternalUrl('https://microsoft.com.evil.example/devicelogin')).toBe(false);
  });
});

describe('isAllowedRendererRequest', () => {
  it('lets the renderer load only the app origin', () => {
    expect(isAllowedRendererRequest('app://main/assets/index.js', [APP_ORIGIN])).toBe(true);
    expect(isAllowedRendererRequest('https://example.com/x.js', [APP_ORIGIN])).toBe(false);
    expect(isAllowedRendererRequest('https://management.azure.com/', [APP_ORIGIN])).toBe(false);
    expect(isAllowedRendererRequest('ws://localhost:5173/', [APP_ORIGIN])).toBe(false);
    expect(isAllowedRendererRequest('ws://localhost:5173/', [APP_ORIGIN, 'http://localhost:5173'])).toBe(true);
  });
});
