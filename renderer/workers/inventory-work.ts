/**
 * The heavy inventory work (parse, normalise, run every check, store), written as plain
 * async functions so the worker runs them off the UI thread and tests can call them too.
 */
import { z } from 'zod';
import { runChecks } from '../../core/checks/run-checks';
import type { ContentPack } from '../../core/content/types';
import { normaliseRows, serviceModelLookup } from '../../core/inventory/normalise';
import { parseInventory } from '../../core/inventory/parse';
import { reservedKeysNote } from '../../core/inventory/reserved-keys';
import { isGraphSnapshot, type DemarcDatabase, type SnapshotRecord } from '../db/database';
import { FileTooLargeError, MAX_INVENTORY_BYTES, textExceeds, tooLargeMessage, utf8ByteLength } from '../files/file-limits';
import { failingByResource, findingRecords, listSnapshots, replaceFindings, snapshotRows, storePullFindings, storeSnapshot } from '../db/inventory-repository';
import type { InventoryStage } from './inventory-protocol';
import { importGraphFiles, type GraphImportFile } from '../../core/graph/import';
import { parseGraphSnapshot, type GraphSnapshot } from '../../core/graph/snapshot';
import { graphCheckRun, graphResources, graphSnapshotOfRecord, graphSnapshotRecord, namedAccountsOf } from '../bundle/graph-snapshots';
import type { GraphCheckSettings } from '../../core/graph/checks/tenant-view';

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

/** The consultant's settings for the Graph checks of an assessment (the named emergency access accounts). */
async function graphSettingsOf(db: DemarcDatabase, assessmentId: string): Promise<GraphCheckSettings> {
  const accounts = (await db.assessments.get(assessmentId))?.breakGlassAccounts ?? [];
  return accounts.length > 0 ? { breakGlassAccounts: accounts } : {};
}

/**
 * Re-runs the Graph checks of every Graph snapshot of an assessment that kept its objects, with
 * the settings stored now (the consultant named or changed the emergency access accounts), and
 * replaces their findings. Snapshots read from a bundle have no objects and keep theirs. Answers
 * with the newest re-checked snapshot ('' when there is none).
 */
export async function recheckGraphSnapshots(
  db: DemarcDatabase,
  pack: ContentPack,
  task: { assessmentId: string; matrixId: string },
  progress: (stage: InventoryStage) => void,
): Promise<InventoryWorkResult> {
  progress('checking');
  const settings = await graphSettingsOf(db, task.assessmentId);
  const snapshots = (await listSnapshots(db, task.assessmentId)).filter(isGraphSnapshot);
  let newest: InventoryWorkResult | null = null;
  for (const record of snapshots) {
    const snapshot = graphSnapshotOfRecord(record, await snapshotRows(db, record.id));
    if (!snapshot) continue;
    const run = graphCheckRun(snapshot, pack, task.matrixId, settings);
    const rechecked = graphSnapshotRecord({ id: record.id, assessmentId: record.assessmentId, snapshot, run, label: record.label, namedAccounts: namedAccountsOf(snapshot, settings) });
    progress('storing');
    await db.transaction('rw', [db.snapshots, db.resourceIndex, db.findingChunks], async () => {
      await replaceFindings(db, record.id, findingRecords(record.id, run.findings));
      await db.snapshots.put({ ...record, failingCount: rechecked.failingCount, findingCount: rechecked.findingCount, graph: { ...record.graph!, notAssessed: rechecked.graph!.notAssessed, namedAccounts: rechecked.graph!.namedAccounts } });
    });
    newest ??= { snapshotId: record.id, resourceCount: record.resourceCount, failingCount: rechecked.failingCount, note: null };
  }
  return newest ?? { snapshotId: '', resourceCount: 0, failingCount: 0, note: null };
}

/** Runs the Graph checks over a Graph snapshot and stores it as a new snapshot of the assessment. */
async function storeGraph(
  db: DemarcDatabase,
  pack: ContentPack,
  task: { assessmentId: string; matrixId: string; label: string },
  snapshot: GraphSnapshot,
  progress: (stage: InventoryStage) => void,
): Promise<InventoryWorkResult> {
  progress('checking');
  const settings = await graphSettingsOf(db, task.assessmentId);
  const run = graphCheckRun(snapshot, pack, task.matrixId, settings);
  const record = graphSnapshotRecord({ id: crypto.randomUUID(), assessmentId: task.assessmentId, snapshot, run, label: task.label, namedAccounts: namedAccountsOf(snapshot, settings) });
  progress('storing');
  await storeSnapshot(db, record, graphResources(snapshot), run.findings);
  const gaps = snapshot.demarcGraphSnapshot.gaps.length;
  const note = gaps > 0 ? `${gaps} collection(s) could not be read; ${run.notAssessed.length} check(s) not assessed.` : null;
  return { snapshotId: record.id, resourceCount: record.resourceCount, failingCount: record.failingCount, note };
}

/**
 * Stores a Graph snapshot (a pull's result from main, or a `demarc graph pull` file): it is
 * untrusted, so it is validated whole before anything is written.
 */
export function storeGraphSnapshot(
  db: DemarcDatabase,
  pack: ContentPack,
  task: { assessmentId: string; matrixId: string; label: string; snapshot: unknown },
  progress: (stage: InventoryStage) => void,
): Promise<InventoryWorkResult> {
  progress('parsing');
  let snapshot: GraphSnapshot;
  try {
    snapshot = parseGraphSnapshot(task.snapshot);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    const issue = error.issues[0]!;
    throw new Error(`not a valid Microsoft Graph snapshot: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { cause: error });
  }
  return storeGraph(db, pack, task, snapshot, progress);
}

/** Builds a Graph snapshot from saved Graph responses (`<collection>.json`…, as `demarc graph import`) and stores it. */
export function importGraphResponses(
  db: DemarcDatabase,
  pack: ContentPack,
  task: { assessmentId: string; matrixId: string; files: GraphImportFile[]; capturedAt: string },
  progress: (stage: InventoryStage) => void,
): Promise<InventoryWorkResult> {
  progress('parsing');
  const total = task.files.reduce((n, f) => n + utf8ByteLength(f.text), 0);
  if (total > MAX_INVENTORY_BYTES) throw new FileTooLargeError(tooLargeMessage('the Graph files', total, MAX_INVENTORY_BYTES));
  const snapshot = importGraphFiles(task.files, { capturedAt: task.capturedAt });
  const label = task.files.length === 1 ? task.files[0]!.name : `${task.files.length} Graph files`;
  return storeGraph(db, pack, { ...task, label }, snapshot, progress);
}
