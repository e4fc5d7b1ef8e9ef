import type { BusinessService } from './schema';

/** What membership needs to know of a resource. */
export interface ServiceMemberCandidate {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
}

/** The key of a resource group as business services name it: `<subscriptionId>/<resourceGroup>`, lower case. */
export const resourceGroupKey = (subscriptionId: string, resourceGroup: string): string => `${subscriptionId}/${resourceGroup}`.toLowerCase();

/**
 * Whether a resource belongs to a business service: listed by id, or in one of its resource
 * groups. Ids and groups compare case-insensitively (Azure returns both casings).
 */
export function belongsTo(service: BusinessService, resource: ServiceMemberCandidate): boolean {
  const id = resource.id.toLowerCase();
  if (service.resourceIds.some((r) => r.toLowerCase() === id)) return true;
  const group = resourceGroupKey(resource.subscriptionId, resource.resourceGroup);
  return service.resourceGroups.some((g) => g.toLowerCase() === group);
}

// Where each lower-case id and group key sits in a resource list, built once per list: asking
// for the members of 50 services over 20,000 resources otherwise lower-cases a million ids.
interface MemberIndex {
  byId: Map<string, number[]>;
  byGroup: Map<string, number[]>;
}
const memberIndexes = new WeakMap<readonly ServiceMemberCandidate[], MemberIndex>();

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

function indexOf(resources: readonly ServiceMemberCandidate[]): MemberIndex {
  let index = memberIndexes.get(resources);
  if (!index) {
    index = { byId: new Map(), byGroup: new Map() };
    for (let i = 0; i < resources.length; i++) {
      const r = resources[i]!;
      push(index.byId, r.id.toLowerCase(), i);
      push(index.byGroup, resourceGroupKey(r.subscriptionId, r.resourceGroup), i);
    }
    memberIndexes.set(resources, index);
  }
  return index;
}

/** The resources of a business service, in inventory order. */
export function membersOf<R extends ServiceMemberCandidate>(service: BusinessService, resources: readonly R[]): R[] {
  const { byId, byGroup } = indexOf(resources);
  const at = new Set([...service.resourceIds.flatMap((id) => byId.get(id.toLowerCase()) ?? []), ...service.resourceGroups.flatMap((g) => byGroup.get(g.toLowerCase()) ?? [])]);
  return [...at].sort((a, b) => a - b).map((i) => resources[i]!);
}

/**
 * For each resource id (lower case), the names of the business services it belongs to, in the
 * order the services were defined. Built once so a report can name services for every risk.
 */
export function servicesByResource(services: readonly BusinessService[], resources: readonly ServiceMemberCandidate[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const service of services) {
    for (const r of membersOf(service, resources)) {
      const key = r.id.toLowerCase();
      const names = out.get(key) ?? [];
      if (!names.includes(service.name)) names.push(service.name);
      out.set(key, names);
    }
  }
  return out;
}

/** The business services touched by a set of resources, in the order the services were defined. */
export function servicesOfResources(index: ReadonlyMap<string, string[]>, resourceIds: readonly string[], services: readonly BusinessService[]): string[] {
  const touched = new Set<string>();
  for (const id of resourceIds) for (const name of index.get(id.toLowerCase()) ?? []) touched.add(name);
  return services.map((s) => s.name).filter((name) => touched.has(name));
}
