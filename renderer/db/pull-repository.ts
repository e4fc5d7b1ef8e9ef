/**
 * A live Azure pull stored as it streams in: a NEW snapshot (source `azure`) receives each
 * page as indexed rows + a raw chunk, in order; its status and per-scope errors are set
 * when the pull ends. Earlier snapshots are never touched.
 */
import type { SnapshotMeta } from '../../core/azure/schemas';
import type { ContentPack } from '../../core/content/types';
import { normaliseRows, serviceModelLookup } from '../../core/inventory/normalise';
import { reservedKeysNote, rowsWithoutReservedKeys } from '../../core/inventory/reserved-keys';
import { database, type SnapshotRecord } from './database';
import { buildChunks, putChunks, readIndexChunks } from './inventory-repository';

export interface PullWriter {
  snapshotId: string;
  addPage: (rows: Record<string, unknown>[]) => Promise<void>;
  finish: (meta: SnapshotMeta) => Promise<SnapshotMeta['status']>;
  fail: (message: string) => Promise<void>;
  rows: () => number;
}

function scopeLabel(scope: { subscriptions?: string[] | undefined; managementGroups?: string[] | undefined }): string {
  const parts = [...(scope.subscriptions ?? []).map((s) => `subscription ${s}`), ...(scope.managementGroups ?? []).map((m) => `management group ${m}`)];
  return parts.join(', ') || 'tenant';
}

/** Opens a new snapshot for a pull; pages are written one after another, in arrival order. */
export async function openPullSnapshot(assessmentId: string, snapshotId: string, pack: ContentPack, scope: { subscriptions: string[]; managementGroups: string[] }): Promise<PullWriter> {
  const db = database();
  const lookup = serviceModelLookup(pack.serviceModels);
  const snapshot: SnapshotRecord = {
    id: snapshotId,
    assessmentId,
    source: 'azure',
    takenAt: new Date().toISOString(),
    status: 'in-progress',
    label: 'Azure Resource Graph',
    format: null,
    subscriptions: [...scope.subscriptions],
    managementGroups: [...scope.managementGroups],
    resourceCount: 0,
    failingCount: 0,
    findingCount: 0,
    errors: [],
    queries: [],
  };
  await db.transaction('rw', db.snapshots, async () => {
    if (await db.snapshots.get(snapshotId)) throw new Error('A snapshot is never overwritten.');
    await db.snapshots.add(snapshot);
  });
  let chain = Promise.resolve();
  let chunk = 0;
  let count = 0;
  let droppedKeys = 0;
  const enqueue = (work: () => Promise<void>) => {
    chain = chain.then(work);
    return chain;
  };
  return {
    snapshotId,
    rows: () => count,
    addPage: (rows) =>
      enqueue(async () => {
        // untrusted rows: only objects with a string id and type become resources, without reserved keys
        const clean = rowsWithoutReservedKeys(rows);
        droppedKeys += clean.dropped;
        const usable = clean.rows.filter((r) => typeof r.id === 'string' && r.id !== '' && typeof r.type === 'string' && r.type !== '');
        if (usable.length === 0) return;
        const resources = normaliseRows(usable, lookup);
        const chunks = buildChunks(snapshotId, resources, chunk);
        chunk += chunks.raw.length;
        count += resources.length;
        await db.transaction('rw', [db.snapshots, db.resourceIndex, db.resourceChunks, db.findingChunks], async () => {
          await putChunks(db, chunks);
          await db.snapshots.update(snapshotId, { resourceCount: count });
        });
      }),
    finish: async (meta) => {
      await enqueue(async () => {
        // pages may repeat a resource: count the distinct ids stored
        const resourceCount = new Set((await readIndexChunks(db, snapshotId)).flatMap((c) => c.ids.map((id) => id.toLowerCase()))).size;
        const note = reservedKeysNote(droppedKeys);
        await db.snapshots.update(snapshotId, {
          status: meta.status,
          subscriptions: meta.scope.subscriptions,
          managementGroups: meta.scope.managementGroups,
          queries: meta.queries.map((q) => q.queryId),
          errors: [
            ...meta.errors.map((e) => ({ scope: `${e.table}: ${scopeLabel(e.scope)}`, message: e.message })),
            ...(note ? [{ scope: 'rows', message: note }] : []),
          ],
          resourceCount,
        });
      });
      return meta.status;
    },
    fail: (message) =>
      enqueue(async () => {
        await db.snapshots.update(snapshotId, { status: 'cancelled', errors: [{ scope: 'pull', message }] });
      }),
  };
}
