/**
 * Role assignments in words. A role assignment's name is a GUID; what a consultant wants to
 * see is which role, given to what kind of principal, on what scope. Rows come from Azure (or
 * an imported file) and are read through zod: a row that does not have the expected shape is
 * shown as unknown, never guessed.
 */
import { z } from 'zod';
import { BUILT_IN_ROLE_NAMES } from './built-in-roles';

export const ROLE_ASSIGNMENT_TYPE = 'microsoft.authorization/roleassignments';
export const ROLE_DEFINITION_TYPE = 'microsoft.authorization/roledefinitions';
export const SUBSCRIPTION_TYPE = 'microsoft.resources/subscriptions';

export type ScopeKind = 'root' | 'management group' | 'subscription' | 'resource group' | 'resource' | 'unknown';

export interface RoleAssignmentView {
  /** the role's name, or "Unknown role (<id>)" */
  role: string;
  roleKnown: boolean;
  /** "User", "Group", "Service principal"… or "Unknown principal type" */
  principalType: string;
  scopeKind: ScopeKind;
  /** the scope in words: "Subscription Contoso Production", "Resource group rg-app in …" */
  scope: string;
  /** the scope as Azure writes it */
  scopeId: string;
}

const text = z.string().nullish();

const assignmentRow = z.object({
  id: z.string(),
  type: z.string(),
  properties: z.object({ roleDefinitionId: text, principalType: text, scope: text }).nullish(),
});

const definitionRow = z.object({
  id: z.string(),
  type: z.string(),
  properties: z.object({ roleName: z.string().min(1) }),
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The last segment of an ARM id, lower case (role definition ids end in the role's GUID). */
function lastSegment(id: string): string {
  return (id.split('/').filter(Boolean).pop() ?? '').toLowerCase();
}

/** Names of the role definitions an inventory holds (custom roles included), by GUID. */
export function roleNamesOf(rows: readonly Record<string, unknown>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) {
    if (typeof row.type !== 'string' || row.type.toLowerCase() !== ROLE_DEFINITION_TYPE) continue;
    const parsed = definitionRow.safeParse(row);
    if (parsed.success) out.set(lastSegment(parsed.data.id), parsed.data.properties.roleName);
  }
  return out;
}

/** The role's name: from the inventory's definitions, else from Microsoft's built-in list. */
export function roleName(roleDefinitionId: string | null | undefined, inventoryNames: ReadonlyMap<string, string>): { name: string; known: boolean } {
  if (!roleDefinitionId) return { name: 'Unknown role (no role definition id)', known: false };
  const id = lastSegment(roleDefinitionId);
  const name = inventoryNames.get(id) ?? (GUID.test(id) ? BUILT_IN_ROLE_NAMES[id] : undefined);
  return name ? { name, known: true } : { name: `Unknown role (${id || roleDefinitionId})`, known: false };
}

const PRINCIPAL_TYPES: Readonly<Record<string, string>> = {
  user: 'User',
  group: 'Group',
  serviceprincipal: 'Service principal',
  foreigngroup: 'Foreign group',
  device: 'Device',
};

export function principalTypeLabel(value: string | null | undefined): string {
  if (!value) return 'Unknown principal type';
  return PRINCIPAL_TYPES[value.toLowerCase()] ?? value;
}

const MANAGEMENT_GROUP = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)\/?$/i;
const SUBSCRIPTION = /^\/subscriptions\/([^/]+)\/?$/i;
const RESOURCE_GROUP = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/?$/i;
const RESOURCE = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/([^/]+)\/(.+)$/i;
const ASSIGNMENT_SUFFIX = /\/providers\/microsoft\.authorization\/roleassignments\/[^/]+\/?$/i;

/** A resource's type and name from the part of its id after the provider namespace. */
function resourceOf(namespace: string, path: string): { type: string; name: string } {
  const parts = path.split('/').filter(Boolean);
  const types = parts.filter((_p, i) => i % 2 === 0);
  return { type: [namespace, ...types].join('/'), name: parts.at(-1) ?? path };
}

/** A scope in words; subscriptions by their display name when the inventory has it. */
export function describeScope(scopeId: string, subscriptionNames: ReadonlyMap<string, string>): { kind: ScopeKind; label: string } {
  const subscription = (id: string) => subscriptionNames.get(id.toLowerCase()) ?? id;
  if (scopeId === '/') return { kind: 'root', label: 'Root scope (/)' };
  let m = MANAGEMENT_GROUP.exec(scopeId);
  if (m) return { kind: 'management group', label: `Management group ${m[1]}` };
  m = SUBSCRIPTION.exec(scopeId);
  if (m) return { kind: 'subscription', label: `Subscription ${subscription(m[1]!)}` };
  m = RESOURCE_GROUP.exec(scopeId);
  if (m) return { kind: 'resource group', label: `Resource group ${m[2]} in ${subscription(m[1]!)}` };
  m = RESOURCE.exec(scopeId);
  if (m) {
    const resource = resourceOf(m[3]!, m[4]!);
    return { kind: 'resource', label: `Resource ${resource.name} (${resource.type}) in ${m[2]}` };
  }
  return { kind: 'unknown', label: scopeId ? `Unknown scope (${scopeId})` : 'Unknown scope' };
}

/** A cheap test before the schema: a chunk holds 500 rows, most of them other resources. */
function isAssignment(row: Record<string, unknown>): boolean {
  return typeof row.type === 'string' && row.type.toLowerCase() === ROLE_ASSIGNMENT_TYPE;
}

/** One role assignment row in words, or null when the row is not a role assignment. */
export function describeRoleAssignment(row: Record<string, unknown>, roleNames: ReadonlyMap<string, string>, subscriptionNames: ReadonlyMap<string, string>): RoleAssignmentView | null {
  if (!isAssignment(row)) return null;
  const parsed = assignmentRow.safeParse(row);
  if (!parsed.success) return null;
  const p = parsed.data.properties;
  const role = roleName(p?.roleDefinitionId, roleNames);
  // the scope is the assignment's own id without its last two segments when the row has none
  const scopeId = p?.scope || parsed.data.id.replace(ASSIGNMENT_SUFFIX, '') || '/';
  const scope = describeScope(scopeId, subscriptionNames);
  return { role: role.name, roleKnown: role.known, principalType: principalTypeLabel(p?.principalType), scopeKind: scope.kind, scope: scope.label, scopeId };
}

/** Every role assignment of a set of raw rows in words, by lower-cased resource id. */
export function describeRoleAssignments(rows: readonly Record<string, unknown>[], roleNames: ReadonlyMap<string, string>, subscriptionNames: ReadonlyMap<string, string>): Map<string, RoleAssignmentView> {
  const out = new Map<string, RoleAssignmentView>();
  for (const row of rows) {
    const view = describeRoleAssignment(row, roleNames, subscriptionNames);
    if (view && typeof row.id === 'string') out.set(row.id.toLowerCase(), view);
  }
  return out;
}

/**
 * The role definition ids (GUIDs, lower case) that role assignment rows refer to and that
 * Microsoft's built-in list does not name: their names must come from the inventory.
 */
export function customRoleIds(rows: readonly Record<string, unknown>[]): Set<string> {
  const out = new Set<string>();
  for (const row of rows) {
    const parsed = isAssignment(row) ? assignmentRow.safeParse(row) : undefined;
    const id = parsed?.success ? parsed.data.properties?.roleDefinitionId : undefined;
    if (id && BUILT_IN_ROLE_NAMES[lastSegment(id)] === undefined) out.add(lastSegment(id));
  }
  return out;
}

/** The GUID (lower case) a role definition's id ends in. */
export function roleDefinitionKey(id: string): string {
  return lastSegment(id);
}

/** "Owner · Group · Subscription Contoso Production": the one-line form (hover text, detail). */
export function roleAssignmentSummary(view: RoleAssignmentView): string {
  return `${view.role} · ${view.principalType} · ${view.scope}`;
}
