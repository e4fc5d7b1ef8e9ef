/**
 * The rule for a custom Azure endpoint, on its own so the renderer and the IPC contract can
 * use it without the cloud presets (the renderer bundle carries no sign-in endpoints; main
 * names the authority host through `azure:resolve-target`).
 */

/**
 * Why `value` cannot be an ARM endpoint or an Entra authority host, or undefined when it can:
 * an absolute https URL, without credentials (`user:pass@`), query or fragment, on the
 * default https port. The sign-in page comes from the authority host, so a value a
 * compromised renderer chose must not point the browser at a look-alike page; a port is
 * allowed only with `anyPort` (the CLI's own flags, and the tests' loopback fakes). A path
 * is allowed: AD FS authorities (Azure Stack Hub) have one.
 */
export function endpointProblem(value: string, options: { anyPort?: boolean } = {}): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `is not a URL: ${JSON.stringify(value.slice(0, 200))}`;
  }
  if (url.protocol !== 'https:') return `must use https: ${url.protocol}//${url.host}`;
  if (url.username || url.password) return 'must not contain credentials';
  // URL drops an empty '?' or '#', so look at the text as well.
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return 'must not contain a query or fragment';
  if (url.port !== '' && !options.anyPort) return `must use the default https port (443), not ${url.port}`;
  return undefined;
}
