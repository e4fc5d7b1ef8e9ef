/**
 * Reads and writes of assessments. Every write is one Dexie transaction; input is
 * validated here because the UI is not the only caller (imports come later).
 */
import { z } from 'zod';
import { database, type AssessmentRecord } from './database';

export const assessmentNameSchema = z.string().trim().min(1, 'Give the assessment a name.').max(200, 'Keep the name under 200 characters.');
export const clientNameSchema = z.string().trim().max(200, 'Keep the client name under 200 characters.');

export interface NewAssessment {
  name: string;
  client: string;
}

function now(): string {
  return new Date().toISOString();
}

export async function createAssessment(input: NewAssessment): Promise<AssessmentRecord> {
  const name = assessmentNameSchema.parse(input.name);
  const client = clientNameSchema.parse(input.client);
  const timestamp = now();
  const record: AssessmentRecord = {
    id: crypto.randomUUID(),
    name,
    client,
    status: 'draft',
    createdAt: timestamp,
    updatedAt: timestamp,
  };
  await database().transaction('rw', database().assessments, async () => {
    await database().assessments.add(record);
  });
  return record;
}

export async function renameAssessment(id: string, newName: string): Promise<void> {
  const name = assessmentNameSchema.parse(newName);
  await database().transaction('rw', database().assessments, async () => {
    const updated = await database().assessments.update(id, { name, updatedAt: now() });
    if (updated === 0) throw new Error('That assessment no longer exists.');
  });
}

export async function deleteAssessment(id: string): Promise<void> {
  await database().transaction('rw', database().assessments, async () => {
    await database().assessments.delete(id);
  });
}

export function listAssessments(): Promise<AssessmentRecord[]> {
  return database().assessments.orderBy('updatedAt').reverse().toArray();
}

export function getAssessment(id: string): Promise<AssessmentRecord | undefined> {
  return database().assessments.get(id);
}
