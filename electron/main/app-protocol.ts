/**
 * The `app://` protocol that serves the packaged renderer (docs/SECURITY.md rows 6-7).
 * The resolver maps a request URL to a file strictly inside the renderer folder; anything
 * else (`..`, encoded traversal, absolute or UNC paths, other hosts) is a 404.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';
import { PRODUCTION_CSP, productionCsp } from './csp';

/** The placeholder in `renderer/index.html` that each HTML response replaces with its nonce. */
export const CSP_NONCE_PLACEHOLDER = '__DEMARC_CSP_NONCE__';

/** Registered before `ready`: standard + secure so IndexedDB and StorageManager work. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The absolute file for an `app://main/...` URL, or null when the URL must not be served.
 * `root` must be absolute.
 */
export function resolveAppPath(root: string, requestUrl: string, expectedHost = APP_HOST): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host.toLowerCase() !== expectedHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // Reject what could escape or name another drive/share before any normalisation hides it.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const resolvedRoot = path.resolve(root);
  const resolved = path.resolve(resolvedRoot, relative);
  const rel = path.relative(resolvedRoot, resolved);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return resolved;
}

export interface AppProtocolDeps {
  root: string;
  readFile: (absolutePath: string) => Promise<Uint8Array>;
  /** A fresh nonce per HTML response; injectable for tests. */
  createNonce?: () => string;
}

/** Security headers on every response of the app protocol. */
export function securityHeaders(contentType: string, csp: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/** A `protocol.handle` handler: `Request` in, `Response` out (also used by the e2e server). */
export function createAppProtocolHandler({ root, readFile, createNonce = () => randomBytes(16).toString('base64') }: AppProtocolDeps) {
  const csp = PRODUCTION_CSP;
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: securityHeaders('text/plain; charset=utf-8', csp) });
    }
    const file = resolveAppPath(root, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8', csp) });
    try {
      const body = await readFile(file);
      if (path.extname(file).toLowerCase() === '.html') {
        const nonce = createNonce();
        const html = new TextDecoder().decode(body).replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
        return new Response(request.method === 'HEAD' ? null : html, {
          status: 200,
          headers: securityHeaders(contentTypeFor(file), productionCsp(nonce)),
        });
      }
      return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
        status: 200,
        headers: securityHeaders(contentTypeFor(file), csp),
      });
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8', csp) });
    }
  };
}
