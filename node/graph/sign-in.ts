/**
 * Graph uses the same sign-ins as Resource Graph (node/azure/credentials.ts: browser, device
 * code, Azure CLI, service principal; the same encrypted token cache), only on the Graph
 * cloud's authority host and with the Graph scope.
 */
import type { ResolvedCloud } from '../../core/azure/clouds';
import type { ResolvedGraphCloud } from '../../core/graph/clouds';

/**
 * The cloud to pass to `createSignIn` for a Graph pull. `createSignIn` reads the authority
 * host, instance discovery and the token scope (for `authenticate()`); Graph has no ARM
 * endpoint, so that field carries the Graph root and is not used.
 */
export function graphSignInCloud(cloud: ResolvedGraphCloud): ResolvedCloud {
  return {
    name: 'custom',
    armEndpoint: cloud.graphEndpoint,
    authorityHost: cloud.authorityHost,
    tokenScope: cloud.tokenScope,
    disableInstanceDiscovery: cloud.disableInstanceDiscovery,
  };
}
