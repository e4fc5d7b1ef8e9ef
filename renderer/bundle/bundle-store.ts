/** Reading and writing whole assessments: export, import, duplicate, demo. */
import type { ContentPack } from '../../core/content/types';
import { reservedKeysNote } from '../../core/inventory/reserved-keys';
import { DOCUMENT_KINDS } from '../../core/ipc/contract';
import { callMain } from '../bridge/demarc-client';
import { progressOf } from '../db/answers-repository';
import { eraseAssessmentInTransaction } from '../db/assessments-repository';
import { assessmentTables, database, riskRowOf } from '../db/database';
import { buildChunksFromRecords, readFindings, readRawChunks, readResources, putChunks } from '../db/inventory-repository';
import { bundleToDump, dumpToBundle, rekeyDump, type AssessmentDump } from './bundle-mapping';
import { MAX_BUNDLE_BYTES, readTextWithin } from '../files/file-limits';
import { validateBundleText, type BundleProblem } from './validate-bundle';

export async function readDump(assessmentId: string): Promise<AssessmentDump> {
  const db = database();
  return db.transaction('r', assessmentTables(db), async () => {
    const assessment = await db.assessments.get(assessmentId);
    if (!assessment) throw new Error('That assessment no longer exists.');
    const snapshots = await db.snapshots.where('assessmentId').equals(assessmentId).toArray();
    const dump: AssessmentDump = {
      assessment,
      answers: await db.answers.where('assessmentId').equals(assessmentId).toArray(),
      snapshots,
      resources: [],
      chunks: [],
      findings: [],
      risks: await db.risks.where('assessmentId').equals(assessmentId).toArray(),
      contacts: await db.contacts.where('assessmentId').equals(assessmentId).toArray(),
      incidentSetup: (await db.incidentSetup.get(assessmentId)) ?? null,
      businessServices: await db.businessServices.where('assessmentId').equals(assessmentId).sortBy('order'),
      providerWorksheets: await db.providerWorksheets.where('assessmentId').equals(assessmentId).toArray(),
      deliverableSettings: (await db.deliverableSettings.get(assessmentId)) ?? null,
    };
    for (const s of snapshots) {
      dump.resources.push(...(await readResources(db, s.id)));
      dump.chunks.push(...(await readRawChunks(db, s.id)));
      dump.findings.push(...(await readFindings(db, s.id)));
    }
    return dump;
  });
}

/** Writes a whole assessment in one transaction; a soft-deleted assessment with the same id is replaced. */
export async function writeDump(dump: AssessmentDump, pack: ContentPack): Promise<string> {
  const db = database();
  const { answered, total } = progressOf(pack, dump.answers);
  await db.transaction('rw', assessmentTables(db), async () => {
    const existing = await db.assessments.get(dump.assessment.id);
    if (existing && !existing.deletedAt) throw new Error('An assessment with this id already exists.');
    if (existing) await eraseAssessmentInTransaction(db, existing.id);
    await db.assessments.add({ ...dump.assessment, progress: { answered, total } });
    await db.answers.bulkPut(dump.answers);
    await db.snapshots.bulkPut(dump.snapshots);
    for (const s of dump.snapshots) await putChunks(db, buildChunksFromRecords(s.id, dump));
    await db.risks.bulkPut(dump.risks);
    await db.riskRows.bulkPut(dump.risks.map(riskRowOf));
    await db.contacts.bulkPut(dump.contacts);
    if (dump.incidentSetup) await db.incidentSetup.put(dump.incidentSetup);
    await db.businessServices.bulkPut(dump.businessServices);
    await db.providerWorksheets.bulkPut(dump.providerWorksheets);
    if (dump.deliverableSettings) await db.deliverableSettings.put(dump.deliverableSettings);
  });
  return dump.assessment.id;
}

export function bundleFileName(name: string): string {
  const base =
    [...name]
      .map((ch) => ('\\/:*?"<>|'.includes(ch) || ch.charCodeAt(0) < 0x20 ? ' ' : ch))
      .join('')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 150) || 'assessment';
  return `${base}${DOCUMENT_KINDS['assessment-bundle'].extension}`;
}

/** Exports through main's save dialog; resolves to the saved file's base name (null when cancelled). */
export async function exportAssessment(assessmentId: string): Promise<string | null> {
  const dump = await readDump(assessmentId);
  const bytes = new TextEncoder().encode(JSON.stringify(dumpToBundle(dump), null, 2));
  const result = await callMain('file:save-document', { kind: 'assessment-bundle', suggestedName: bundleFileName(dump.assessment.name), bytes });
  return result.saved ? result.fileName : null;
}

/** `note`: what was dropped on the way in (keys the rows never keep), or null. */
export type ImportResult = { ok: true; assessmentId: string; name: string; note: string | null } | { ok: false; errors: BundleProblem[] };

/**
 * Validates everything first; writes nothing unless the whole bundle is valid, then writes
 * it in one transaction. A bundle whose assessment is still here is imported as a copy.
 */
export async function importBundleText(text: string, pack: ContentPack): Promise<ImportResult> {
  const validation = validateBundleText(text, pack);
  if (!validation.ok) return validation;
  let dump = bundleToDump(validation.bundle, pack);
  const existing = await database().assessments.get(dump.assessment.id);
  if (existing && !existing.deletedAt) dump = rekeyDump(dump, `${dump.assessment.name} (imported)`);
  const assessmentId = await writeDump(dump, pack);
  return { ok: true, assessmentId, name: dump.assessment.name, note: reservedKeysNote(validation.droppedKeys) };
}

/** Imports a bundle file: its size is checked before it is read (see {@link importBundleText}). */
export async function importBundleFile(file: Blob, pack: ContentPack): Promise<ImportResult> {
  return importBundleText(await readTextWithin(file, MAX_BUNDLE_BYTES, 'an assessment bundle'), pack);
}

export async function duplicateAssessment(assessmentId: string, pack: ContentPack): Promise<string> {
  const dump = await readDump(assessmentId);
  return writeDump(rekeyDump(dump, `${dump.assessment.name} (copy)`), pack);
}

/** Creates a fresh copy of the bundled demo assessment. */
export async function createDemoAssessment(pack: ContentPack): Promise<string> {
  const { default: text } = await import('../../assessments/demo/contoso-demo.demarc.json?raw');
  const validation = validateBundleText(text, pack);
  if (!validation.ok) throw new Error(`The bundled demo is invalid: ${validation.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const dump = bundleToDump(validation.bundle, pack);
  return writeDump(rekeyDump(dump, dump.assessment.name), pack);
}
