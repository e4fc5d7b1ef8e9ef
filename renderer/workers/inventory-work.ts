/**
 * The heavy inventory work (parse, normalise, run every check, store), written as plain
 * async functions so the worker runs them off the UI thread and tests can call them too.
 */
import { runChecks } from '../../core/checks/run-checks';
import type { ContentPack } from '../../core/content/types';
import { normaliseRows, serviceModelLookup } from '../../core/inventory/normalise';
import { parseInventory } from '../../core/inventory/parse';
import { reservedKeysNote } from '../../core/inventory/reserved-keys';
import type { DemarcDatabase, SnapshotRecord } from '../db/database';
import { FileTooLargeError, MAX_INVENTORY_BYTES, textExceeds, tooLargeMessage, utf8ByteLength } from '../files/file-limits';
import { failingByResource, findingRecords, snapshotRows, storePullFindings, storeSnapshot } from '../db/inventory-repository';
import type { InventoryStage } from './inventory-protocol';

function matrixOf(pack: ContentPack, matrixId: string) {
  const matrix = pack.matrices.get(matrixId) ?? pack.matrices.get(pack.header.defaultMatrix);
  if (!matrix) throw new Error(`The content pack has no responsibility matrix '${matrixId}'.`);
  return matrix;
}

/** What a task answers; `note` tells the consultant about something dropped on the way in. */
export interface InventoryWorkResult {
  snapshotId: string;
  resourceCount: number;
  failingCount: number;
  note: string | null;
}

/** Parses an inventory file into a new snapshot (never touching an earlier one). */
export async function importInventoryFile(
  db: DemarcDatabase,
  pack: ContentPack,
  task: { assessmentId: string; matrixId: string; text: string; fileName: string },
  progress: (stage: InventoryStage) => void,
): Promise<InventoryWorkResult> {
  progress('parsing');
  // The UI checks the file's size before reading it; text from elsewhere is measured here.
  if (textExceeds(task.text, MAX_INVENTORY_BYTES)) throw new FileTooLargeError(tooLargeMessage('an inventory file', utf8ByteLength(task.text), MAX_INVENTORY_BYTES));
  const parsed = parseInventory(task.text);
  const resources = normaliseRows(parsed.rows, serviceModelLookup(pack.serviceModels));
  progress('checking');
  const findings = runChecks(resources, pack.checks, { matrix: matrixOf(pack, task.matrixId), includeNotApplicable: false });
  const failing = failingByResource(findings);
  const note = reservedKeysNote(parsed.droppedKeys);
  const snapshot: SnapshotRecord = {
    id: crypto.randomUUID(),
    assessmentId: task.assessmentId,
    source: 'file',
    takenAt: new Date().toISOString(),
    status: 'complete',
    label: task.fileName,
    format: parsed.format,
    subscriptions: [...new Set(resources.map((r) => r.subscriptionId).filter(Boolean))].sort(),
    managementGroups: [],
    resourceCount: resources.length,
    failingCount: failing.size,
    findingCount: findings.length,
    errors: note ? [{ scope: 'rows', message: note }] : [],
    queries: [],
  };
  progress('storing');
  await storeSnapshot(db, snapshot, resources, findings);
  return { snapshotId: snapshot.id, resourceCount: resources.length, failingCount: failing.size, note };
}

/** Runs the checks over a pulled snapshot once its pages are stored, and records the findings. */
export async function finishPull(
  db: DemarcDatabase,
  pack: ContentPack,
  task: { snapshotId: string; matrixId: string },
  progress: (stage: InventoryStage) => void,
): Promise<InventoryWorkResult> {
  progress('checking');
  const rows = await snapshotRows(db, task.snapshotId);
  const resources = normaliseRows(
    rows.filter((r) => typeof r.id === 'string' && typeof r.type === 'string'),
    serviceModelLookup(pack.serviceModels),
  );
  const findings = runChecks(resources, pack.checks, { matrix: matrixOf(pack, task.matrixId), includeNotApplicable: false });
  const failing = failingByResource(findings);
  progress('storing');
  await db.transaction('rw', [db.snapshots, db.resourceIndex, db.findingChunks], async () => {
    await storePullFindings(db, task.snapshotId, findingRecords(task.snapshotId, findings));
    await db.snapshots.update(task.snapshotId, { resourceCount: resources.length, failingCount: failing.size, findingCount: findings.length });
  });
  return { snapshotId: task.snapshotId, resourceCount: resources.length, failingCount: failing.size, note: null };
}
