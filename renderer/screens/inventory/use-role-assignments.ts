import { useLiveQuery } from 'dexie-react-hooks';
import { database, type ResourceRecord } from '../../db/database';
import { describeRoleAssignments, ROLE_ASSIGNMENT_TYPE, ROLE_DEFINITION_TYPE, SUBSCRIPTION_TYPE, type RoleAssignmentView } from './role-assignments';

const NONE: ReadonlyMap<string, RoleAssignmentView> = new Map();

/** Display names of the subscriptions an inventory lists, by lower-cased subscription id. */
export function subscriptionNamesOf(resources: readonly ResourceRecord[]): Map<string, string> {
  return new Map(resources.filter((r) => r.type === SUBSCRIPTION_TYPE && r.name).map((r) => [r.subscriptionId.toLowerCase(), r.name]));
}

/**
 * The snapshot's role assignments in words, by lower-cased id. Only the raw chunks holding
 * role assignments or role definitions are read (a pull stores them together, so a few).
 */
export function useRoleAssignments(snapshotId: string, resources: readonly ResourceRecord[] | undefined): ReadonlyMap<string, RoleAssignmentView> {
  const views = useLiveQuery(async () => {
    if (!resources) return NONE;
    const chunks = [...new Set(resources.filter((r) => r.type === ROLE_ASSIGNMENT_TYPE || r.type === ROLE_DEFINITION_TYPE).map((r) => r.chunk))];
    if (chunks.length === 0) return NONE;
    const raw = await database().resourceChunks.bulkGet(chunks.map((c): [string, number] => [snapshotId, c]));
    return describeRoleAssignments(
      raw.flatMap((c) => c?.rows ?? []),
      subscriptionNamesOf(resources),
    );
  }, [snapshotId, resources]);
  return views ?? NONE;
}
