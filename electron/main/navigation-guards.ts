/**
 * Keeps the window on the app: navigation and redirects away from the app origin are
 * prevented, new windows are denied (allowed https links open in the system browser),
 * and every permission request is refused.
 */
import { isAllowedExternalUrl } from './external-links';
import { originOf } from './origin';

export function isAppNavigation(url: string, appOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && appOrigins.includes(origin);
}

/** The part of `WebContents` the guards use. */
export interface GuardedWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault: () => void; url?: string }, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardedSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

export function installNavigationGuards(
  contents: GuardedWebContents,
  appOrigins: readonly string[],
  openExternal: (url: string) => void,
): void {
  const block = (event: { preventDefault: () => void }, url: string) => {
    if (!isAppNavigation(url, appOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
