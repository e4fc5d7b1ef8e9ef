/**
 * The only URLs `shell.openExternal` may open: `https:` on hosts Demarc links to
 * (Microsoft documentation, the Service Trust Portal, the Azure and Entra portals).
 * Anything else — `file:`, `javascript:`, `smb:`, `ms-msdt:`, plain `http:`, credentials
 * in the URL, look-alike hosts — is refused.
 */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [
  'learn.microsoft.com',
  'servicetrust.microsoft.com',
  'portal.azure.com',
  'entra.microsoft.com',
  'admin.microsoft.com',
  'security.microsoft.com',
  'purview.microsoft.com',
  'azure.status.microsoft',
  'www.microsoft.com',
  'csrc.nist.gov',
  'www.cisecurity.org',
];

export function isAllowedExternalUrl(url: string, allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password) return false;
  if (parsed.port && parsed.port !== '443') return false;
  // Exact host match: `learn.microsoft.com.evil.example` and `evil-learn.microsoft.com` fail.
  return allowlist.includes(parsed.hostname.toLowerCase());
}
