/**
 * Reads and writes of assessments. Every write is one Dexie transaction; input is
 * validated here because the UI is not the only caller (imports and the demo are too).
 */
import { z } from 'zod';
import type { ContentPack } from '../../core/content/types';
import { deleteSnapshotData } from './inventory-repository';
import { database, assessmentTables, type AssessmentRecord, type DemarcDatabase, type AssessmentStatus, type Engagement } from './database';

export const assessmentNameSchema = z.string().trim().min(1, 'Give the assessment a name.').max(200, 'Keep the name under 200 characters.');
export const clientNameSchema = z.string().trim().max(200, 'Keep the client name under 200 characters.');

export const CLASSIFICATIONS = ['Public', 'Internal', 'Confidential', 'Strictly confidential'] as const;

const shortText = z.string().max(2_000, 'Keep this under 2,000 characters.');
export const engagementSchema = z.strictObject({
  engagementId: z.string().max(100, 'Keep the engagement id under 100 characters.'),
  consultants: z.array(z.string().max(200)).max(50),
  startDate: z.union([z.literal(''), z.iso.date('Use a date like 2026-11-30.')]),
  endDate: z.union([z.literal(''), z.iso.date('Use a date like 2026-11-30.')]),
  attendees: z.array(z.strictObject({ name: z.string().max(200), role: z.string().max(200) })).max(200),
  preamble: z.string().max(50_000, 'Keep the preamble under 50,000 characters.'),
  classification: shortText,
});

export interface NewAssessment {
  name: string;
  client: string;
}

export function now(): string {
  return new Date().toISOString();
}

export function emptyEngagement(): Engagement {
  return { engagementId: '', consultants: [], startDate: '', endDate: '', attendees: [], preamble: '', classification: 'Confidential' };
}

/** A new record pinned to the pack, its default matrix and its risk matrix. */
export function newAssessmentRecord(input: NewAssessment, pack: ContentPack): AssessmentRecord {
  const timestamp = now();
  const matrix = pack.matrices.get(pack.header.defaultMatrix);
  return {
    id: crypto.randomUUID(),
    name: assessmentNameSchema.parse(input.name),
    client: clientNameSchema.parse(input.client),
    status: 'draft',
    createdAt: timestamp,
    updatedAt: timestamp,
    packId: pack.header.id,
    packVersion: pack.header.version,
    matrixId: matrix?.id ?? pack.header.defaultMatrix,
    matrixVersion: matrix?.version ?? '',
    riskMatrixId: pack.riskMatrix.id,
    riskMatrixVersion: pack.riskMatrix.version,
    engagement: emptyEngagement(),
    subscriptions: [],
    progress: { answered: 0, total: 0 },
    deletedAt: null,
  };
}

export async function createAssessment(input: NewAssessment, pack: ContentPack): Promise<AssessmentRecord> {
  const record = newAssessmentRecord(input, pack);
  await database().transaction('rw', database().assessments, async () => {
    await database().assessments.add(record);
  });
  return record;
}

async function patch(id: string, changes: Partial<AssessmentRecord>): Promise<void> {
  await database().transaction('rw', database().assessments, async () => {
    const updated = await database().assessments.update(id, { ...changes, updatedAt: now() });
    if (updated === 0) throw new Error('That assessment no longer exists.');
  });
}

export async function renameAssessment(id: string, newName: string): Promise<void> {
  await patch(id, { name: assessmentNameSchema.parse(newName) });
}

export async function updateClient(id: string, client: string): Promise<void> {
  await patch(id, { client: clientNameSchema.parse(client) });
}

/** Changes some engagement fields, reading the rest inside the transaction (concurrent edits of other fields survive). */
export async function patchEngagement(id: string, changes: Partial<Engagement>): Promise<void> {
  const db = database();
  await db.transaction('rw', db.assessments, async () => {
    const record = await db.assessments.get(id);
    if (!record) throw new Error('That assessment no longer exists.');
    const engagement = engagementSchema.parse({ ...record.engagement, ...changes });
    await db.assessments.update(id, { engagement, updatedAt: now() });
  });
}

export async function updateStatus(id: string, status: AssessmentStatus): Promise<void> {
  await patch(id, { status: z.enum(['draft', 'in-progress', 'final']).parse(status) });
}

/** Switches the responsibility matrix; derived owners follow on the next register refresh. */
export async function updateMatrix(id: string, pack: ContentPack, matrixId: string): Promise<void> {
  const matrix = pack.matrices.get(matrixId);
  if (!matrix) throw new Error(`The pack has no matrix '${matrixId}'.`);
  await patch(id, { matrixId: matrix.id, matrixVersion: matrix.version });
}

/** Marks the assessment deleted; {@link undoDelete} brings it back until {@link purgeDeleted} runs. */
export async function deleteAssessment(id: string): Promise<void> {
  await database().transaction('rw', database().assessments, async () => {
    await database().assessments.update(id, { deletedAt: now() });
  });
}

export async function undoDelete(id: string): Promise<void> {
  await database().transaction('rw', database().assessments, async () => {
    await database().assessments.update(id, { deletedAt: null });
  });
}

/** Deletes every row of one assessment; call inside a transaction over {@link assessmentTables}. */
export async function eraseAssessmentInTransaction(db: DemarcDatabase, id: string): Promise<void> {
  const snapshotIds = (await db.snapshots.where('assessmentId').equals(id).primaryKeys()) as string[];
  for (const snapshotId of snapshotIds) {
    await deleteSnapshotData(db, snapshotId);
  }
  await db.snapshots.where('assessmentId').equals(id).delete();
  await db.answers.where('assessmentId').equals(id).delete();
  await db.risks.where('assessmentId').equals(id).delete();
  await db.riskRows.where('assessmentId').equals(id).delete();
  await db.contacts.where('assessmentId').equals(id).delete();
  await db.incidentSetup.delete(id);
  await db.businessServices.where('assessmentId').equals(id).delete();
  await db.providerWorksheets.where('assessmentId').equals(id).delete();
  await db.deliverableSettings.delete(id);
  await db.assessments.delete(id);
}

/** Removes an assessment and everything recorded in it, in one transaction. */
export async function eraseAssessment(id: string): Promise<void> {
  const db = database();
  await db.transaction('rw', assessmentTables(db), () => eraseAssessmentInTransaction(db, id));
}

/** Erases assessments deleted in an earlier session (their undo is long gone). */
export async function purgeDeleted(): Promise<void> {
  const deleted = await database()
    .assessments.filter((a) => Boolean(a.deletedAt))
    .primaryKeys();
  for (const id of deleted) await eraseAssessment(id);
}

export async function listAssessments(): Promise<AssessmentRecord[]> {
  const all = await database().assessments.orderBy('updatedAt').reverse().toArray();
  return all.filter((a) => !a.deletedAt);
}

export function getAssessment(id: string): Promise<AssessmentRecord | undefined> {
  return database().assessments.get(id);
}
