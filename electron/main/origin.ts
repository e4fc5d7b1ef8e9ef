/** The custom scheme the production renderer is served from. Never change it after a
 * release: IndexedDB data is tied to the origin, so users would lose their assessments. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'main';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as `scheme://host[:port]`, or null when it has none.
 * WHATWG `URL.origin` is the string "null" for non-special schemes such as `app:`, so
 * comparing `.origin` would treat every custom-scheme URL as the same origin.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host ? `${APP_SCHEME}://${parsed.host.toLowerCase()}` : null;
  return null;
}
