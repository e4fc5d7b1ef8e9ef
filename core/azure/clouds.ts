/**
 * Azure clouds: where Resource Graph lives and where tokens come from.
 *
 * The token scope is derived from the ARM endpoint on purpose: the SDK's `cloudSetting`
 * changes the endpoint but not the scope, and a token for management.azure.com is
 * useless against management.chinacloudapi.cn (DOMAIN.md §3).
 */

/** The named clouds Demarc knows; anything else is `custom`. */
export type CloudName = 'public' | 'china' | 'usgov';

/** Endpoints of a named cloud. */
export interface CloudPreset {
  armEndpoint: string;
  authorityHost: string;
}

export const CLOUD_PRESETS: Readonly<Record<CloudName, CloudPreset>> = Object.freeze({
  public: { armEndpoint: 'https://management.azure.com', authorityHost: 'https://login.microsoftonline.com' },
  china: { armEndpoint: 'https://management.chinacloudapi.cn', authorityHost: 'https://login.chinacloudapi.cn' },
  usgov: { armEndpoint: 'https://management.usgovcloudapi.net', authorityHost: 'https://login.microsoftonline.us' },
});

/** What the consultant (or the CLI flags / environment) asked for. */
export interface CloudSelection {
  /** Named cloud; default `public`. Ignored for any endpoint given explicitly below. */
  cloud?: CloudName;
  /** Overrides the ARM endpoint (Azure Stack, private clouds, tests). */
  armEndpoint?: string;
  /** Overrides the Entra authority host. Disables instance discovery. */
  authorityHost?: string;
}

/** A cloud with every value the credential and the Resource Graph client need. */
export interface ResolvedCloud {
  /** The named cloud, or `custom` when either endpoint was overridden. */
  name: CloudName | 'custom';
  /** ARM endpoint without a trailing slash, e.g. `https://management.azure.com`. */
  armEndpoint: string;
  /** Authority host without a trailing slash, e.g. `https://login.microsoftonline.com`. */
  authorityHost: string;
  /** `${armEndpoint}/.default`. */
  tokenScope: string;
  /** True for a custom authority host: MSAL must not ask login.microsoftonline.com about it. */
  disableInstanceDiscovery: boolean;
}

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

/** Thrown for an endpoint that is not an absolute https URL without credentials or query. */
export class CloudConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CloudConfigError';
  }
}

function normaliseEndpoint(label: string, value: string, options: { anyPort?: boolean }): string {
  const problem = endpointProblem(value, options);
  if (problem) throw new CloudConfigError(`${label} ${problem}`);
  const url = new URL(value);
  const pathname = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${pathname}`;
}

/**
 * Resolves a selection to concrete endpoints; throws {@link CloudConfigError} on a bad URL
 * (see {@link endpointProblem}; `anyPort` allows a port other than 443).
 */
export function resolveCloud(selection: CloudSelection = {}, options: { anyPort?: boolean } = {}): ResolvedCloud {
  const preset = CLOUD_PRESETS[selection.cloud ?? 'public'];
  if (!preset) throw new CloudConfigError(`unknown cloud ${JSON.stringify(selection.cloud)}; use public, china or usgov`);
  const armEndpoint = normaliseEndpoint('ARM endpoint', selection.armEndpoint ?? preset.armEndpoint, options);
  const authorityHost = normaliseEndpoint('authority host', selection.authorityHost ?? preset.authorityHost, options);
  const custom = selection.armEndpoint !== undefined || selection.authorityHost !== undefined;
  const knownAuthority = Object.values(CLOUD_PRESETS).some((p) => p.authorityHost === authorityHost);
  return {
    name: custom ? 'custom' : (selection.cloud ?? 'public'),
    armEndpoint,
    authorityHost,
    tokenScope: `${armEndpoint}/.default`,
    disableInstanceDiscovery: !knownAuthority,
  };
}

/**
 * The authority host a sign-in to `target` will use, as the user should see it before the
 * browser opens; undefined while a custom value is not acceptable (see {@link endpointProblem}).
 */
export function signInAuthorityHost(target: { cloud: CloudName } | { cloud: 'custom'; authorityHost: string }): string | undefined {
  if (target.cloud !== 'custom') return CLOUD_PRESETS[target.cloud].authorityHost;
  if (endpointProblem(target.authorityHost, { anyPort: true })) return undefined;
  return normaliseEndpoint('authority host', target.authorityHost, { anyPort: true });
}
