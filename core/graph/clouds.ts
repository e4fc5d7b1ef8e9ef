/**
 * Microsoft Graph clouds: where Graph lives, where its tokens come from, and the token scope.
 *
 * Endpoints from Microsoft Learn, "Microsoft Graph national cloud deployments"
 * (https://learn.microsoft.com/graph/deployments, read 2026-12-02): the global service
 * graph.microsoft.com; US Government L4 (GCC High) graph.microsoft.us and L5 (DoD)
 * dod-graph.microsoft.us, both signing in at login.microsoftonline.us; China (21Vianet)
 * microsoftgraph.chinacloudapi.cn, signing in at login.chinacloudapi.cn. The scope must name
 * the national Graph host ("Access national cloud deployments with the Microsoft Graph SDKs",
 * https://learn.microsoft.com/graph/sdks/national-clouds, read 2026-12-02): a token for
 * graph.microsoft.com is refused by graph.microsoft.us.
 */
import { CloudConfigError } from '../azure/clouds';

/** The named Graph clouds; anything else is `custom`. */
export type GraphCloudName = 'public' | 'usgov' | 'usgov-dod' | 'china';

export const GRAPH_CLOUD_NAMES: readonly GraphCloudName[] = ['public', 'usgov', 'usgov-dod', 'china'];

interface GraphCloudPreset {
  graphEndpoint: string;
  authorityHost: string;
}

export const GRAPH_CLOUD_PRESETS: Readonly<Record<GraphCloudName, GraphCloudPreset>> = Object.freeze({
  public: { graphEndpoint: 'https://graph.microsoft.com', authorityHost: 'https://login.microsoftonline.com' },
  usgov: { graphEndpoint: 'https://graph.microsoft.us', authorityHost: 'https://login.microsoftonline.us' },
  'usgov-dod': { graphEndpoint: 'https://dod-graph.microsoft.us', authorityHost: 'https://login.microsoftonline.us' },
  china: { graphEndpoint: 'https://microsoftgraph.chinacloudapi.cn', authorityHost: 'https://login.chinacloudapi.cn' },
});

/** What the consultant (or the CLI flags) asked for. */
export interface GraphCloudSelection {
  cloud?: GraphCloudName;
  /** Overrides the Graph root (private or test endpoints), e.g. `https://graph.contoso.test`. */
  graphEndpoint?: string;
  /** Overrides the Entra authority host; disables instance discovery. */
  authorityHost?: string;
}

/** A Graph cloud with every value the credential and the Graph client need. */
export interface ResolvedGraphCloud {
  name: GraphCloudName | 'custom';
  /** Graph root without a trailing slash or version, e.g. `https://graph.microsoft.com`. */
  graphEndpoint: string;
  authorityHost: string;
  /** `${graphEndpoint}/.default`. */
  tokenScope: string;
  /** True for an authority host Demarc does not know: MSAL must not ask the public cloud about it. */
  disableInstanceDiscovery: boolean;
}

function normalise(label: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CloudConfigError(`${label} is not a URL: ${JSON.stringify(value.slice(0, 200))}`);
  }
  if (url.protocol !== 'https:') throw new CloudConfigError(`${label} must use https: ${url.origin}`);
  if (url.username || url.password) throw new CloudConfigError(`${label} must not contain credentials`);
  if (url.search || url.hash) throw new CloudConfigError(`${label} must not contain a query or fragment`);
  // A pasted `/v1.0` is the version, not part of the root.
  const pathname = url.pathname.replace(/\/+$/, '').replace(/\/(v1\.0|beta)$/i, '');
  return `${url.origin}${pathname}`;
}

/** Resolves a selection to concrete endpoints; throws `CloudConfigError` on a bad value. */
export function resolveGraphCloud(selection: GraphCloudSelection = {}): ResolvedGraphCloud {
  const name = selection.cloud ?? 'public';
  const preset = GRAPH_CLOUD_PRESETS[name];
  if (!preset) throw new CloudConfigError(`unknown Graph cloud ${JSON.stringify(selection.cloud)}; use ${GRAPH_CLOUD_NAMES.join(', ')}`);
  const graphEndpoint = normalise('Graph endpoint', selection.graphEndpoint ?? preset.graphEndpoint);
  const authorityHost = normalise('authority host', selection.authorityHost ?? preset.authorityHost);
  const custom = selection.graphEndpoint !== undefined || selection.authorityHost !== undefined;
  const knownAuthority = Object.values(GRAPH_CLOUD_PRESETS).some((p) => p.authorityHost === authorityHost);
  return {
    name: custom ? 'custom' : name,
    graphEndpoint,
    authorityHost,
    tokenScope: `${graphEndpoint}/.default`,
    disableInstanceDiscovery: !knownAuthority,
  };
}
