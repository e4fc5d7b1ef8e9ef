/**
 * The renderer is offline by design (docs/SECURITY.md row 18): it may load only the app's own
 * origin (and, in development, the Vite dev server). Azure traffic goes from main through
 * Node's HTTP stack, which this session filter does not see.
 */
import { originOf } from './origin';

export function isAllowedRendererRequest(url: string, allowedOrigins: readonly string[]): boolean {
  if (url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:')) return true;
  const origin = originOf(url);
  if (origin !== null && allowedOrigins.includes(origin)) return true;
  // Vite's HMR websocket in development.
  if (url.startsWith('ws://')) {
    const http = url.replace(/^ws:/, 'http:');
    const wsOrigin = originOf(http);
    return wsOrigin !== null && allowedOrigins.includes(wsOrigin);
  }
  return false;
}
