/**
 * The Content-Security-Policy of the packaged renderer (docs/SECURITY.md row 6). Azure resource
 * names and tags are attacker-influenced strings: no inline script, no remote anything.
 */
/**
 * Fluent UI (Griffel) creates `<style>` elements at run time and fills them through CSSOM;
 * Chromium treats those elements as inline style, so each page response gets a fresh random
 * nonce that only the app's own style elements carry. Scripts get no such allowance.
 */
export function productionCsp(styleNonce: string): string {
  if (!/^[A-Za-z0-9+/]{16,}={0,2}$/.test(styleNonce)) throw new Error('A CSP nonce must be base64 of at least 12 random bytes.');
  return PRODUCTION_CSP.replace("style-src 'self'", `style-src 'self' 'nonce-${styleNonce}'`);
}

/** The policy without a style nonce: for every non-HTML response. */
export const PRODUCTION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Development only: Vite's dev server needs its websocket for hot reload. */
export function developmentCsp(devServerUrl: string): string {
  const dev = new URL(devServerUrl);
  const ws = `ws://${dev.host}`;
  return PRODUCTION_CSP.replace("connect-src 'self'", `connect-src 'self' ${ws}`).replace(
    "style-src 'self'",
    "style-src 'self' 'unsafe-inline'",
  );
}
