import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { database, type ResourceRecord } from '../../db/database';
import { customRoleIds, describeRoleAssignments, ROLE_ASSIGNMENT_TYPE, ROLE_DEFINITION_TYPE, roleDefinitionKey, roleNamesOf, SUBSCRIPTION_TYPE, type RoleAssignmentView } from './role-assignments';

/** How long the rows in view must stay before their role assignments are read (ms). */
const SETTLE_MS = 120;

/** Display names of the subscriptions an inventory lists, by lower-cased subscription id. */
export function subscriptionNamesOf(resources: readonly ResourceRecord[]): Map<string, string> {
  return new Map(resources.filter((r) => r.type === SUBSCRIPTION_TYPE && r.name).map((r) => [r.subscriptionId.toLowerCase(), r.name]));
}

/** The chunk holding each role definition of the inventory, by its GUID (from the columns, no raw row read). */
function definitionChunksOf(resources: readonly ResourceRecord[]): Map<string, number> {
  return new Map(resources.filter((r) => r.type === ROLE_DEFINITION_TYPE).map((r) => [roleDefinitionKey(r.id), r.chunk]));
}

async function rawRowsOf(snapshotId: string, chunks: Iterable<number>): Promise<Record<string, unknown>[]> {
  const keys = [...new Set(chunks)].map((c): [string, number] => [snapshotId, c]);
  if (keys.length === 0) return [];
  return (await database().resourceChunks.bulkGet(keys)).flatMap((c) => c?.rows ?? []);
}

/**
 * Role assignments in words, read as their rows come into view: the raw chunk of a visible role
 * assignment is read once, and a custom role's chunk only when an assignment names it. Only the
 * small descriptions are kept, so a large estate's raw rows never all sit in the page.
 * `ensure` is given the records in view.
 */
export function useRoleAssignments(snapshotId: string, resources: readonly ResourceRecord[] | undefined) {
  // One map, added to as rows come into view, and a counter that re-renders the table when it
  // grows: copying the map per chunk would cost more with every chunk. Nothing memoises on it.
  const [views] = useState(() => new Map<string, RoleAssignmentView>());
  const [, setVersion] = useState(0);
  const described = useRef(new Set<number>());
  const roleNames = useRef(new Map<string, string>());
  const subscriptions = useMemo(() => subscriptionNamesOf(resources ?? []), [resources]);
  const definitions = useMemo(() => definitionChunksOf(resources ?? []), [resources]);

  const describeChunks = useCallback(
    async (chunks: number[]) => {
      const rows = await rawRowsOf(snapshotId, chunks);
      const wanted = [...customRoleIds(rows)].filter((id) => !roleNames.current.has(id));
      const definitionRows = await rawRowsOf(
        snapshotId,
        wanted.flatMap((id) => definitions.get(id) ?? []).filter((c) => !chunks.includes(c)),
      );
      for (const [id, name] of roleNamesOf([...rows, ...definitionRows])) roleNames.current.set(id, name);
      for (const [key, view] of describeRoleAssignments(rows, roleNames.current, subscriptions)) views.set(key, view);
      setVersion((v) => v + 1);
    },
    [snapshotId, definitions, subscriptions, views],
  );

  const describeInView = useCallback(
    (inView: readonly ResourceRecord[]) => {
      const chunks = [...new Set(inView.filter((r) => r.type === ROLE_ASSIGNMENT_TYPE).map((r) => r.chunk))].filter((c) => !described.current.has(c));
      if (chunks.length === 0) return;
      chunks.forEach((c) => described.current.add(c));
      // a failed read is tried again when the rows next come into view
      describeChunks(chunks).catch(() => chunks.forEach((c) => described.current.delete(c)));
    },
    [describeChunks],
  );

  // Reading a chunk (500 raw rows) costs the main thread a few milliseconds: while the table
  // scrolls fast, only the rows it comes to rest on are read.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  const ensure = useCallback(
    (inView: readonly ResourceRecord[]) => {
      clearTimeout(pending.current ?? undefined);
      pending.current = setTimeout(() => describeInView(inView), SETTLE_MS);
    },
    [describeInView],
  );

  return { views: views as ReadonlyMap<string, RoleAssignmentView>, ensure };
}
