/**
 * The Content-Security-Policy of the packaged renderer (SECURITY.md row 6). Azure resource
 * names and tags are attacker-influenced strings: no inline script, no remote anything.
 */
export const PRODUCTION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
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
