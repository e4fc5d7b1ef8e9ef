/**
 * Azure clouds: where Resource Graph lives and where tokens come from.
 *
 * The token scope is derived from the ARM endpoint on purpose: the SDK's `cloudSetting`
 * changes the endpoint but not the scope, and a token for management.azure.com is
 * useless against management.chinacloudapi.cn (docs/DOMAIN.md §3).
 */

import { endpointProblem } from './endpoint';

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

