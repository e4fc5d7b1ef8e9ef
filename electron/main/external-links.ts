/**
 * The only URLs `shell.openExternal` may open: `https:` on hosts Demarc links to
 * (Microsoft documentation, the Service Trust Portal, the Azure and Entra portals, the
 * device-code sign-in pages).
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
  // Device-code sign-in pages Entra names in `verification_uri` (public, China, US Gov),
  // so the UI can offer "open the sign-in page" for an `azure:device-code-issued` event.
  'microsoft.com',
  'login.microsoft.com',
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
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
