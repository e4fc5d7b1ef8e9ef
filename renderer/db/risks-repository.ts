/**
 * The risk register. Derived risks are refreshed from answers and the findings of the active
 * Resource Graph and Microsoft Graph snapshots by the engine (`deriveRisks`), keeping everything the consultant decided (scores,
 * treatment, acceptance, owner override, notes, history). Every edit is one transaction and
 * leaves an entry in the risk's history.
 */
import { z } from 'zod';
import { migrateRetiredRisks } from '../../core/bundle/migrate-templates';
import type { Finding } from '../../core/checks/run-checks';
import { compareVersions } from '../../core/content/template-migrations';
import type { ContentPack } from '../../core/content/types';
import type { Owner } from '../../core/content/vocabulary';
import { deriveRisks } from '../../core/risks/derive';
import { environmentsOf, type EnvironmentEvidence } from '../../core/risks/environment';
import { buildManualRisk, nextRiskId, type ManualRiskInput } from '../../core/risks/manual';
import type { Risk } from '../../core/risks/schema';
import { riskLevel } from '../../core/risks/scoring';
import { areaLabelOf, ownerChangeDetail } from '../../core/risks/provider-owner';
import { toEngineAnswers } from './answers-repository';
import { database, riskRowOf, type AssessmentRecord, type DemarcDatabase, type RiskRecord, type RiskRowRecord } from './database';
import { activeGraphSnapshot, activeSnapshot, readFindings, readRawChunks } from './inventory-repository';
import { assessmentAvailabilityGaps } from './availability-gaps';
import { now } from './assessments-repository';

export const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export const OWNERS = ['microsoft', 'customer', 'shared'] as const;

type HistoryEntry = Risk['history'][number];

function entry(action: string, detail: string, by: string): HistoryEntry {
  const e: HistoryEntry = { at: now(), action, detail };
  if (by.trim()) e.by = by.trim();
  return e;
}

function effectiveOwner(risk: Pick<Risk, 'owner' | 'ownerOverride'>): string {
  return risk.ownerOverride?.owner ?? risk.owner;
}

function actionFor(owner: string): Risk['action'] {
  return owner === 'microsoft' ? 'verify' : 'remediate';
}

/** The scores the consultant set by hand (their edits are in the history): re-derivation keeps them. */
function editedScores(stored: RiskRecord): { likelihood: boolean; impact: boolean } {
  return { likelihood: stored.history.some((h) => h.action === 'likelihood'), impact: stored.history.some((h) => h.action === 'impact') };
}

/** The engine's new rating of a risk the consultant has not re-scored, as history entries with the engine's reasons. */
function reratedEntries(fresh: Risk, stored: RiskRecord, edited: { likelihood: boolean; impact: boolean }): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const scale of ['likelihood', 'impact'] as const) {
    if (edited[scale] || fresh[scale] === stored[scale]) continue;
    const reasons = (fresh.rating?.adjustments ?? []).filter((a) => a.scale === scale).map((a) => a.reason);
    const label = scale === 'likelihood' ? 'Likelihood' : 'Impact';
    out.push(entry('rated', `${label}: ${stored[scale]} → ${fresh[scale]} (engine${reasons.length > 0 ? `: ${reasons.join('; ')}` : ': template baseline'}).`, ''));
  }
  return out;
}

/** A re-derivation that moves the matrix owner (e.g. a multi-cloud risk now read on its provider's matrix), as a history entry with the cells behind it. */
function ownerEntries(fresh: Risk, stored: RiskRecord, pack: ContentPack): HistoryEntry[] {
  const detail = ownerChangeDetail(fresh, stored.owner, areaLabelOf(pack, fresh.area));
  return detail ? [entry('owner-rederived', detail, '')] : [];
}

/** Derived risk + the stored one's decisions: the consultant's scores win over the engine's rating. */
function merge(fresh: Risk, stored: RiskRecord | undefined, assessmentId: string, pack: ContentPack, timestamp: string): RiskRecord {
  if (!stored) {
    return { ...fresh, assessmentId, origin: 'derived', status: 'open', notes: '', effectiveOwner: effectiveOwner(fresh), updatedAt: timestamp };
  }
  const edited = editedScores(stored);
  const likelihood = edited.likelihood ? stored.likelihood : fresh.likelihood;
  const impact = edited.impact ? stored.impact : fresh.impact;
  const rerated = [...reratedEntries(fresh, stored, edited), ...ownerEntries(fresh, stored, pack)];
  const kept: RiskRecord = {
    ...fresh,
    assessmentId,
    origin: 'derived',
    status: 'open',
    notes: stored.notes,
    likelihood,
    impact,
    inherentLevel: riskLevel(pack.riskMatrix, likelihood, impact),
    residual: stored.residual,
    treatment: stored.treatment,
    acceptance: stored.acceptance,
    actionOwner: stored.actionOwner,
    dueDate: stored.dueDate,
    ownerOverride: stored.ownerOverride,
    history: [...stored.history, ...rerated],
    effectiveOwner: '',
    updatedAt: rerated.length > 0 ? timestamp : stored.updatedAt,
  };
  // ids of risks merged into this one stay traceable (core/bundle/migrate-templates.ts)
  if (stored.formerIds) kept.formerIds = stored.formerIds;
  kept.effectiveOwner = effectiveOwner(kept);
  kept.action = actionFor(kept.effectiveOwner);
  if (stored.status === 'closed') {
    kept.history = [...kept.history, entry('reopened', 'Raised again by the answers or findings.', '')];
    kept.updatedAt = timestamp;
  }
  return kept;
}

// A snapshot's rows never change once it is active: read its environments once per session.
let environmentCache: { snapshotId: string; environments: Promise<Map<string, EnvironmentEvidence>> } | undefined;

/** Production / non-production of the snapshot's resources (tags, subscription names), per the pack's rules. */
function snapshotEnvironments(db: DemarcDatabase, snapshotId: string, pack: ContentPack): Promise<Map<string, EnvironmentEvidence>> | undefined {
  const rules = pack.ratingFactors?.impact.nonProduction;
  if (!rules) return undefined;
  if (environmentCache?.snapshotId !== snapshotId) {
    const environments = readRawChunks(db, snapshotId).then((chunks) => environmentsOf(chunks.flatMap((c) => c.rows), rules));
    environmentCache = { snapshotId, environments };
    environments.catch(() => (environmentCache = undefined));
  }
  return environmentCache.environments;
}

const comparable = (r: RiskRecord) => JSON.stringify({ ...r, updatedAt: '' });

/**
 * Re-derives the register of one assessment; returns how many risks changed. Reads in a
 * read-only transaction (the register stays readable meanwhile) and writes only what
 * changed; a risk edited in between is left for the next refresh rather than overwritten.
 */
export function refreshRisks(assessmentId: string, pack: ContentPack): Promise<number> {
  return refresh(assessmentId, pack, true);
}

async function refresh(assessmentId: string, pack: ContentPack, migrate: boolean): Promise<number> {
  const db = database();
  const plan = await db.transaction('r', [db.assessments, db.answers, db.snapshots, db.findingChunks, db.risks, db.riskRows, db.businessServices], async () => {
    const assessment = await db.assessments.get(assessmentId);
    if (!assessment) return null;
    const answers = toEngineAnswers(await db.answers.where('assessmentId').equals(assessmentId).toArray());
    const snapshot = await activeSnapshot(db, assessmentId);
    // the newest Resource Graph and the newest Graph snapshot together, as `demarc assess` with both files
    const graphSnapshot = await activeGraphSnapshot(db, assessmentId);
    // passing findings too: they show when a weak answer is not borne out by the inventory
    const findings: Finding[] = [
      ...(snapshot ? ((await readFindings(db, snapshot.id)) as Finding[]) : []),
      ...(graphSnapshot ? ((await readFindings(db, graphSnapshot.id)) as Finding[]) : []),
    ];
    // only derived risks follow the engine: read the small rows to find them, then those records
    const rows = await db.riskRows.where('assessmentId').equals(assessmentId).toArray();
    const derivedIds = rows.filter((r) => r.origin === 'derived').map((r) => r.id);
    const manual = rows.filter((r) => r.origin === 'manual').map((r) => ({ id: r.id, templateId: r.templateId }));
    const stored = (await db.risks.bulkGet(derivedIds.map((id) => [assessmentId, id] as [string, string]))).filter((r): r is RiskRecord => r !== undefined);
    const retired = rows.some((r) => pack.templateMigrations.has(r.templateId));
    const services = await db.businessServices.where('assessmentId').equals(assessmentId).sortBy('order');
    return { assessment, answers, findings, stored, manual, services, snapshotId: snapshot?.id, migrationDue: retired || olderPack(assessment, pack) };
  });
  if (!plan) return 0;
  // risks stored under templates the pack retired would be closed and renumbered below: migrate them first
  if (plan.migrationDue && migrate) {
    await migrateStoredRisks(assessmentId, pack);
    return refresh(assessmentId, pack, false);
  }
  const { assessment, answers, findings, stored, manual, services, snapshotId } = plan;
  const derived = deriveRisks({
    pack,
    answers,
    findings,
    // workloads (business services, else suggestions) short of their tolerance: the availability-gap risk
    availabilityGaps: await assessmentAvailabilityGaps(db, snapshotId, services, answers, pack),
    environments: snapshotId ? await snapshotEnvironments(db, snapshotId, pack) : undefined,
    matrixId: pack.matrices.has(assessment.matrixId) ? assessment.matrixId : undefined,
    // hand-added risks hold their ids too: new derived risks are numbered after them, and after
    // the ids of risks merged away by a template migration (formerIds), which stay retired
    previous: [...stored.map((r) => ({ id: r.id, templateId: r.templateId })), ...manual, ...stored.flatMap(retiredIds)],
  });
  const timestamp = now();
  const byTemplate = new Map(stored.map((r) => [r.templateId, r]));
  const next: RiskRecord[] = derived.map((fresh) => merge(fresh, byTemplate.get(fresh.templateId), assessmentId, pack, timestamp));
  const raised = new Set(derived.map((r) => r.templateId));
  for (const r of stored) {
    if (raised.has(r.templateId) || r.status === 'closed') continue;
    next.push({ ...r, status: 'closed', updatedAt: timestamp, history: [...r.history, entry('closed', 'No longer raised by the answers or findings.', '')] });
  }
  const before = new Map(stored.map((r) => [r.id, r]));
  const changed = next.filter((r) => {
    const old = before.get(r.id);
    return !old || comparable(old) !== comparable(r);
  });
  if (changed.length === 0) return 0;
  return db.transaction('rw', [db.risks, db.riskRows], async () => {
    const current = await db.risks.bulkGet(changed.map((r) => [assessmentId, r.id] as [string, string]));
    const safe = changed.filter((r, i) => (current[i]?.updatedAt ?? null) === (before.get(r.id)?.updatedAt ?? null));
    await putRisks(db, safe);
    return safe.length;
  });
}

/** The assessment recorded an earlier version of this pack than the app's. */
function olderPack(assessment: AssessmentRecord, pack: ContentPack): boolean {
  return assessment.packId === pack.header.id && compareVersions(assessment.packVersion, pack.header.version) < 0;
}

/**
 * Applies the pack's template migrations (core/bundle/migrate-templates.ts, as bundle import
 * does) to the risks stored for one assessment, and records the pack version on it: one
 * transaction, so the register is migrated whole or not at all. Risks merged away are deleted
 * (their ids live on in the survivor's `formerIds`).
 */
async function migrateStoredRisks(assessmentId: string, pack: ContentPack): Promise<void> {
  const db = database();
  await db.transaction('rw', [db.assessments, db.risks, db.riskRows], async () => {
    const assessment = await db.assessments.get(assessmentId);
    if (!assessment) return;
    const stored = await db.risks.where('assessmentId').equals(assessmentId).toArray();
    const timestamp = now();
    const { put, removed } = migratedRecords(stored, assessment.matrixId, pack, timestamp);
    await db.risks.bulkDelete(removed.map((id) => [assessmentId, id] as [string, string]));
    await db.riskRows.bulkDelete(removed.map((id) => [assessmentId, id] as [string, string]));
    await putRisks(db, put);
    if (olderPack(assessment, pack)) await db.assessments.update(assessmentId, { packVersion: pack.header.version });
  });
}

/** The stored risks the migration changed (and those it merged away), with the app's own fields settled. */
function migratedRecords(stored: RiskRecord[], matrixId: string, pack: ContentPack, timestamp: string): { put: RiskRecord[]; removed: string[] } {
  const { risks } = migrateRetiredRisks(stored, matrixId, pack, timestamp);
  const before = new Map(stored.map((r) => [r.id, r]));
  const kept = new Set(risks.map((r) => r.id));
  const put = risks
    .filter((r) => comparable(r) !== comparable(before.get(r.id)!))
    .map((r) => {
      const absorbed = (r.formerIds ?? []).map((id) => before.get(id)).filter((x): x is RiskRecord => x !== undefined && !kept.has(x.id));
      const out: RiskRecord = { ...r, effectiveOwner: effectiveOwner(r), updatedAt: timestamp };
      out.action = actionFor(out.effectiveOwner);
      if (absorbed.length === 0) return out;
      // the register shows a merged risk open while any of the risks it merges was open
      if (absorbed.some((a) => a.status === 'open')) out.status = 'open';
      out.notes = [r.notes, ...absorbed.filter((a) => a.notes.trim()).map((a) => `From ${a.id}: ${a.notes}`)].filter(Boolean).join('\n\n');
      return out;
    });
  return { put, removed: stored.map((r) => r.id).filter((id) => !kept.has(id)) };
}

/** A merged risk's former ids, as entries no template matches: they only push numbering past them. */
function retiredIds(r: RiskRecord): { id: string; templateId: string }[] {
  return (r.formerIds ?? []).map((id) => ({ id, templateId: `(merged into ${r.id})` }));
}

function putRisk(db: DemarcDatabase, risk: RiskRecord): Promise<void> {
  return putRisks(db, [risk]);
}

/** Writes risks and their register rows (call inside a transaction over both tables). */
export async function putRisks(db: DemarcDatabase, risks: readonly RiskRecord[]): Promise<void> {
  await db.risks.bulkPut([...risks]);
  await db.riskRows.bulkPut(risks.map(riskRowOf));
}

/** The register's rows of one assessment (small records, fast for thousands). */
export function listRiskRows(assessmentId: string): Promise<RiskRowRecord[]> {
  return database().riskRows.where('assessmentId').equals(assessmentId).toArray();
}

export function getRisk(assessmentId: string, riskId: string): Promise<RiskRecord | undefined> {
  return database().risks.get([assessmentId, riskId]);
}

const score = z.number().int().min(1).max(5);
const isoDay = z.union([z.iso.date('Use a date like 2026-12-31.'), z.null()]);

export const riskEditSchema = z
  .strictObject({
    likelihood: score,
    impact: score,
    treatment: z.enum(TREATMENTS).nullable(),
    residualLikelihood: score.nullable(),
    residualImpact: score.nullable(),
    acceptedBy: z.string().max(200),
    acceptanceExpires: isoDay,
    actionOwner: z.string().max(200),
    dueDate: isoDay,
    notes: z.string().max(100_000, 'Keep the notes under 100,000 characters.'),
  })
  .partial();
export type RiskEdit = z.infer<typeof riskEditSchema>;

const LABELS: Record<keyof RiskEdit, string> = {
  likelihood: 'Likelihood',
  impact: 'Impact',
  treatment: 'Treatment',
  residualLikelihood: 'Residual likelihood',
  residualImpact: 'Residual impact',
  acceptedBy: 'Accepted by',
  acceptanceExpires: 'Acceptance expires',
  actionOwner: 'Action owner',
  dueDate: 'Due date',
  notes: 'Notes',
};

/** The form's view of a risk's editable fields. */
export function editableOf(risk: RiskRecord): Required<RiskEdit> {
  return {
    likelihood: risk.likelihood,
    impact: risk.impact,
    treatment: risk.treatment,
    residualLikelihood: risk.residual?.likelihood ?? null,
    residualImpact: risk.residual?.impact ?? null,
    acceptedBy: risk.acceptance?.acceptedBy ?? '',
    acceptanceExpires: risk.acceptance?.expires ?? null,
    actionOwner: risk.actionOwner ?? '',
    dueDate: risk.dueDate ?? null,
    notes: risk.notes,
  };
}

const NOTE_COALESCE_MS = 5 * 60 * 1000;

function oneYearFromToday(): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** Applies edits to one risk and records each change in its history. */
export async function editRisk(assessmentId: string, riskId: string, edit: RiskEdit, by: string, pack: ContentPack): Promise<void> {
  const changes = riskEditSchema.parse(edit);
  const db = database();
  await db.transaction('rw', db.risks, db.riskRows, async () => {
    const risk = await db.risks.get([assessmentId, riskId]);
    if (!risk) throw new Error(`Risk ${riskId} no longer exists.`);
    const before = editableOf(risk);
    const after = { ...before, ...changes };
    const history = [...risk.history];
    for (const key of Object.keys(changes) as (keyof RiskEdit)[]) {
      if (before[key] === after[key]) continue;
      if (key === 'notes') {
        const last = history.at(-1);
        // typing must not flood the history: one entry per few minutes holds the latest text
        if (last?.action === 'notes' && Date.now() - Date.parse(last.at) < NOTE_COALESCE_MS) history.pop();
        history.push(entry('notes', after.notes, by));
        continue;
      }
      history.push(entry(key, `${LABELS[key]}: ${String(before[key] ?? '—')} → ${String(after[key] ?? '—')}`, by));
    }
    if (history.length === risk.history.length && !('notes' in changes && before.notes !== after.notes)) return;
    const residual =
      after.residualLikelihood && after.residualImpact
        ? { likelihood: after.residualLikelihood, impact: after.residualImpact, level: riskLevel(pack.riskMatrix, after.residualLikelihood, after.residualImpact) }
        : null;
    // an acceptance always expires: one year unless a date is given
    const acceptance = after.acceptedBy.trim() ? { acceptedBy: after.acceptedBy.trim(), expires: after.acceptanceExpires ?? oneYearFromToday() } : null;
    await putRisk(db, {
      ...risk,
      likelihood: after.likelihood,
      impact: after.impact,
      inherentLevel: riskLevel(pack.riskMatrix, after.likelihood, after.impact),
      treatment: after.treatment,
      residual,
      acceptance,
      actionOwner: after.actionOwner.trim() || null,
      dueDate: after.dueDate,
      notes: after.notes,
      history,
      updatedAt: now(),
    });
  });
}

export const overrideSchema = z.strictObject({
  owner: z.enum(OWNERS),
  justification: z.string().trim().min(10, 'Say why the owner differs from the matrix (at least 10 characters).').max(5_000),
});

/** Overrides the matrix owner; the justification is mandatory and kept in the history. */
export async function overrideOwner(assessmentId: string, riskId: string, owner: Owner, justification: string, by: string): Promise<void> {
  const value = overrideSchema.parse({ owner, justification });
  const db = database();
  await db.transaction('rw', db.risks, db.riskRows, async () => {
    const risk = await db.risks.get([assessmentId, riskId]);
    if (!risk) throw new Error(`Risk ${riskId} no longer exists.`);
    const at = now();
    const override: NonNullable<Risk['ownerOverride']> = { owner: value.owner, justification: value.justification, at };
    if (by.trim()) override.by = by.trim();
    const from = effectiveOwner(risk);
    await putRisk(db, {
      ...risk,
      ownerOverride: override,
      effectiveOwner: value.owner,
      action: actionFor(value.owner),
      history: [...risk.history, entry('owner-override', `Owner: ${from} → ${value.owner}. Justification: ${value.justification}`, by)],
      updatedAt: at,
    });
  });
}

/**
 * Adds a risk by hand, numbered after every risk of the assessment, owned per the
 * assessment's matrix; returns its id. One transaction: the id cannot be taken twice.
 */
export async function addManualRisk(assessmentId: string, input: ManualRiskInput, by: string, pack: ContentPack): Promise<string> {
  const db = database();
  return db.transaction('rw', [db.assessments, db.risks, db.riskRows], async () => {
    const assessment = await db.assessments.get(assessmentId);
    if (!assessment || assessment.deletedAt) throw new Error('That assessment no longer exists.');
    const matrix = pack.matrices.get(assessment.matrixId) ?? pack.matrices.get(pack.header.defaultMatrix);
    if (!matrix) throw new Error(`The content pack has no responsibility matrix '${assessment.matrixId}'.`);
    const ids = (await db.riskRows.where('assessmentId').equals(assessmentId).toArray()).map((r) => r.id);
    const at = now();
    const risk = buildManualRisk({ id: nextRiskId(ids), input, matrix, riskMatrix: pack.riskMatrix, playbookIds: new Set(pack.playbooks.map((p) => p.id)), at, by });
    await putRisk(db, { ...risk, assessmentId, origin: 'manual', status: 'open', notes: '', effectiveOwner: risk.owner, updatedAt: at });
    return risk.id;
  });
}

/** Deletes a hand-added risk (derived ones close by themselves when nothing raises them). */
export async function deleteManualRisk(assessmentId: string, riskId: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.risks, db.riskRows, async () => {
    const risk = await db.risks.get([assessmentId, riskId]);
    if (!risk) return;
    if (risk.origin !== 'manual') throw new Error(`Risk ${riskId} comes from the answers and findings; it closes by itself when they no longer raise it.`);
    await db.risks.delete([assessmentId, riskId]);
    await db.riskRows.delete([assessmentId, riskId]);
  });
}

export async function clearOwnerOverride(assessmentId: string, riskId: string, by: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.risks, db.riskRows, async () => {
    const risk = await db.risks.get([assessmentId, riskId]);
    if (!risk?.ownerOverride) return;
    await putRisk(db, {
      ...risk,
      ownerOverride: null,
      effectiveOwner: risk.owner,
      action: actionFor(risk.owner),
      history: [...risk.history, entry('owner-override-removed', `Owner back to the matrix: ${risk.owner}.`, by)],
      updatedAt: now(),
    });
  });
}
