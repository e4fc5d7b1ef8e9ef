import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppPath } from '../../../../electron/main/app-protocol';
import { PRODUCTION_CSP, productionCsp } from '../../../../electron/main/csp';

const root = mkdtempSync(path.join(tmpdir(), 'demarc-protocol-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><meta name="n" content="__DEMARC_CSP_NONCE__"><title>t</title>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
// A secret next to (outside) the root that traversal would reach.
writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'secret');

describe('APP_SCHEME_PRIVILEGES', () => {
  it('registers app:// as standard and secure (needed for IndexedDB)', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges.standard).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges.secure).toBe(true);
  });
});

describe('resolveAppPath', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppPath(root, 'app://main/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://main/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://main/assets/app.js?v=1#x')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each(['app://main/../secret.txt', 'app://main/assets/../../secret.txt', 'app://main/%2e%2e/secret.txt'])(
    'keeps %s inside the root (the URL parser removes its dot segments before the resolver sees it)',
    (url) => {
      expect(resolveAppPath(root, url)).toBe(path.join(root, 'secret.txt'));
    },
  );

  it.each([
    'app://main/%2E%2E%2Fsecret.txt',
    'app://main/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://main/..%5csecret.txt',
    'app://main/%5c%5cserver%5cshare%5cfile',
    'app://main/C:/Windows/win.ini',
    'app://main/c%3a%5cwindows%5cwin.ini',
    'app://main/index.html%00.png',
    'app://main/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('never resolves outside the root for absolute-looking paths', () => {
    expect(resolveAppPath(root, 'app://main//etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });
});

describe('createAppProtocolHandler', () => {
  let counter = 0;
  const handler = createAppProtocolHandler({
    root,
    readFile: (file) => readFile(file),
    createNonce: () => `bm9uY2Utbm9uY2Utbm9uY2U${(counter += 1)}`,
  });

  it('serves HTML with the strict CSP plus a per-response style nonce written into the page', async () => {
    const first = await handler(new Request('app://main/index.html'));
    const second = await handler(new Request('app://main/index.html'));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-security-policy')).toBe(productionCsp('bm9uY2Utbm9uY2Utbm9uY2U1'));
    expect(second.headers.get('content-security-policy')).toBe(productionCsp('bm9uY2Utbm9uY2Utbm9uY2U2'));
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await first.text();
    expect(html).toContain('content="bm9uY2Utbm9uY2Utbm9uY2U1"');
    expect(html).not.toContain('__DEMARC_CSP_NONCE__');
  });

  it('serves other files with the nonce-free CSP', async () => {
    const response = await handler(new Request('app://main/assets/app.js'));
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses a weak nonce', () => {
    expect(() => productionCsp('abc')).toThrow();
    expect(() => productionCsp("x' 'unsafe-inline")).toThrow();
    expect(productionCsp('bm9uY2Utbm9uY2Utbm9uY2U1')).toContain("style-src 'self' 'nonce-bm9uY2Utbm9uY2Utbm9uY2U1'");
  });

  it('answers 404 (with the CSP) for traversal and missing files', async () => {
    for (const url of ['app://main/%2e%2e/secret.txt', 'app://main/missing.js']) {
      const response = await handler(new Request(url));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler(new Request('app://main/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('has a CSP that allows no inline script, no remote origin and no framing', () => {
    expect(PRODUCTION_CSP).toContain("default-src 'none'");
    expect(PRODUCTION_CSP).toContain("script-src 'self'");
    expect(PRODUCTION_CSP).not.toContain('unsafe-inline');
    expect(PRODUCTION_CSP).not.toContain('unsafe-eval');
    expect(PRODUCTION_CSP).not.toMatch(/https?:/);
    expect(PRODUCTION_CSP).toContain("frame-ancestors 'none'");
    expect(PRODUCTION_CSP).toContain("object-src 'none'");
  });
});
