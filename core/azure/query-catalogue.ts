/**
 * The fixed Resource Graph queries Demarc runs. The renderer only ever names a query id;
 * the KQL lives here, in the main process and the CLI, so no KQL crosses IPC.
 *
 * Every query ends in `order by id asc`: $skipToken paging is only stable over a sorted
 * result (docs/DOMAIN.md §3), and the pull de-duplicates on `id`.
 */

/** A Resource Graph table Demarc reads. */
export type ArgTable =
  | 'resources'
  | 'resourcecontainers'
  | 'securityresources'
  | 'authorizationresources'
  | 'appserviceresources';

/** Ids of the inventory queries (the ones a pull runs). */
export const INVENTORY_QUERY_IDS = [
  'resources',
  'resource-containers',
  'defender-plans',
  'secure-scores',
  'secure-score-controls',
  'security-assessments',
  'regulatory-compliance',
  'role-assignments',
  'role-definitions',
  'app-service-site-config',
] as const;

/** Ids of the scope-discovery queries (what the consultant picks the scope from). */
export const DISCOVERY_QUERY_IDS = ['discover-subscriptions', 'discover-management-groups'] as const;

export type InventoryQueryId = (typeof INVENTORY_QUERY_IDS)[number];
export type DiscoveryQueryId = (typeof DISCOVERY_QUERY_IDS)[number];
export type QueryId = InventoryQueryId | DiscoveryQueryId;

/** One catalogue entry. */
export interface QueryDefinition {
  id: QueryId;
  table: ArgTable;
  /** What the query is for, in a sentence shown in progress UIs. */
  title: string;
  kql: string;
}

function typeIn(table: ArgTable, types: readonly string[]): string {
  const list = types.map((t) => `'${t}'`).join(', ');
  return `${table}\n| where type in~ (${list})\n| order by id asc`;
}

const DEFINITIONS: Record<QueryId, QueryDefinition> = {
  resources: {
    id: 'resources',
    table: 'resources',
    title: 'Resources',
    kql: 'resources\n| order by id asc',
  },
  'resource-containers': {
    id: 'resource-containers',
    table: 'resourcecontainers',
    title: 'Subscriptions, resource groups and management groups',
    kql: 'resourcecontainers\n| order by id asc',
  },
  'defender-plans': {
    id: 'defender-plans',
    table: 'securityresources',
    title: 'Defender for Cloud plans',
    kql: typeIn('securityresources', ['microsoft.security/pricings']),
  },
  'secure-scores': {
    id: 'secure-scores',
    table: 'securityresources',
    title: 'Secure scores',
    kql: typeIn('securityresources', ['microsoft.security/securescores']),
  },
  'secure-score-controls': {
    id: 'secure-score-controls',
    table: 'securityresources',
    title: 'Secure score controls',
    kql: typeIn('securityresources', ['microsoft.security/securescores/securescorecontrols']),
  },
  'security-assessments': {
    id: 'security-assessments',
    table: 'securityresources',
    title: 'Security assessments',
    kql: typeIn('securityresources', ['microsoft.security/assessments']),
  },
  'regulatory-compliance': {
    id: 'regulatory-compliance',
    table: 'securityresources',
    title: 'Regulatory compliance',
    kql: typeIn('securityresources', [
      'microsoft.security/regulatorycompliancestandards',
      'microsoft.security/regulatorycompliancestandards/regulatorycompliancecontrols',
      'microsoft.security/regulatorycompliancestandards/regulatorycompliancecontrols/regulatorycomplianceassessments',
    ]),
  },
  'role-assignments': {
    id: 'role-assignments',
    table: 'authorizationresources',
    title: 'Role assignments',
    kql: typeIn('authorizationresources', ['microsoft.authorization/roleassignments']),
  },
  'role-definitions': {
    id: 'role-definitions',
    table: 'authorizationresources',
    title: 'Role definitions',
    kql: typeIn('authorizationresources', ['microsoft.authorization/roledefinitions']),
  },
  'app-service-site-config': {
    id: 'app-service-site-config',
    table: 'appserviceresources',
    title: 'App Service site configuration',
    kql: typeIn('appserviceresources', ['microsoft.web/sites/config']),
  },
  'discover-subscriptions': {
    id: 'discover-subscriptions',
    table: 'resourcecontainers',
    title: 'Subscriptions you can read',
    kql:
      "resourcecontainers\n| where type =~ 'microsoft.resources/subscriptions'\n" +
      '| project id, subscriptionId, name, tenantId, state = tostring(properties.state), managementGroupAncestorsChain = properties.managementGroupAncestorsChain\n' +
      '| order by id asc',
  },
  'discover-management-groups': {
    id: 'discover-management-groups',
    table: 'resourcecontainers',
    title: 'Management groups you can read',
    kql:
      "resourcecontainers\n| where type =~ 'microsoft.management/managementgroups'\n" +
      '| project id, name, tenantId, displayName = tostring(properties.displayName), parent = tostring(properties.details.parent.name)\n' +
      '| order by id asc',
  },
};

/** Looks a query up by id; throws for an unknown id (which would be a programming error). */
export function getQuery(id: QueryId): QueryDefinition {
  const definition = DEFINITIONS[id];
  if (!definition) throw new Error(`unknown Resource Graph query id ${JSON.stringify(id)}`);
  return definition;
}

/** Whether `value` names an inventory query (use to validate ids from the renderer). */
export function isInventoryQueryId(value: unknown): value is InventoryQueryId {
  return typeof value === 'string' && (INVENTORY_QUERY_IDS as readonly string[]).includes(value);
}
