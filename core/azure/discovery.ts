/**
 * Scope discovery: the subscriptions and management groups the signed-in identity can
 * read, from `resourcecontainers`, so the consultant can pick what to pull.
 */
import type { ResolvedCloud } from './clouds';
import { DISCOVERY_QUERY_IDS } from './query-catalogue';
import { pullInventory, type PullInventoryOptions } from './pull';
import type { PullScopeError, SnapshotStatus } from './schemas';

/** A subscription the identity can read. */
export interface DiscoveredSubscription {
  subscriptionId: string;
  name: string;
  tenantId: string | null;
  state: string | null;
  /** Management group names from the subscription up to the root, when Azure sent them. */
  managementGroupAncestors: string[];
}

/** A management group the identity can read. */
export interface DiscoveredManagementGroup {
  /** The group's name (its id in ARM paths), e.g. `contoso-prod`. */
  name: string;
  displayName: string | null;
  tenantId: string | null;
  parent: string | null;
}

/** What {@link discoverScopes} found. */
export interface DiscoveredScopes {
  status: SnapshotStatus;
  subscriptions: DiscoveredSubscription[];
  managementGroups: DiscoveredManagementGroup[];
  errors: PullScopeError[];
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** Lists readable subscriptions and management groups (tenant scope of the identity). */
export async function discoverScopes(
  options: Pick<PullInventoryOptions, 'transport' | 'signal' | 'clock' | 'limits' | 'redact' | 'onProgress'> & {
    cloud: Pick<ResolvedCloud, 'name' | 'armEndpoint'>;
  },
): Promise<DiscoveredScopes> {
  const snapshot = await pullInventory({ ...options, scope: {}, queries: DISCOVERY_QUERY_IDS, newId: () => 'discovery' });
  const subscriptions: DiscoveredSubscription[] = [];
  const managementGroups: DiscoveredManagementGroup[] = [];
  for (const row of snapshot.rows) {
    const id = str(row.id)?.toLowerCase() ?? '';
    if (id.startsWith('/subscriptions/')) {
      const subscriptionId = str(row.subscriptionId) ?? id.split('/')[2] ?? '';
      if (!subscriptionId) continue;
      const chain = Array.isArray(row.managementGroupAncestorsChain) ? row.managementGroupAncestorsChain : [];
      subscriptions.push({
        subscriptionId,
        name: str(row.name) ?? subscriptionId,
        tenantId: str(row.tenantId),
        state: str(row.state),
        managementGroupAncestors: chain
          .map((entry: unknown) => (entry && typeof entry === 'object' ? str((entry as Record<string, unknown>).name) : null))
          .filter((name): name is string => name !== null),
      });
    } else if (id.includes('/providers/microsoft.management/managementgroups/')) {
      const name = str(row.name);
      if (!name) continue;
      managementGroups.push({ name, displayName: str(row.displayName), tenantId: str(row.tenantId), parent: str(row.parent) });
    }
  }
  return { status: snapshot.status, subscriptions, managementGroups, errors: [...snapshot.errors] };
}
