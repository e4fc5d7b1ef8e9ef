/**
 * Dexie rows <-> the assessment bundle of core/bundle. Pure functions: the same mapping
 * serves export, import, duplicate and the bundled demo.
 *
 * Engagement id, dates, attendees and classification go to `assessment.engagement`; "answered
 * by" and not-applicable marks to the answers; the support plan and escalation notes to
 * `incidentResponse`. Fields without a place of their own are carried where the schema allows
 * it: consultants -> `assessment.consultant`, the preamble -> `assessment.scope.notes`, a
 * contact's deputy -> `responsibilities: ["Deputy: …"]`, the named emergency access accounts
 * (kept on the assessment row) -> `graphSettings`, a risk's notes and open/closed state
 * -> its history (the latest `notes` / `closed` / `reopened` entry). Blank values are left out
 * of the bundle and come back blank.
 */
import { BUNDLE_SCHEMA_VERSION, SUPPORT_PLANS, type AssessmentBundle, type BundleEngagement, type BundleResource } from '../../core/bundle/schema';
import { deputyOf, knownRoles, responsibilitiesWith, taggedRoles } from '../../core/report/ir-roles';
import { runChecks } from '../../core/checks/run-checks';
import type { ContentPack } from '../../core/content/types';
import type { Answers } from '../../core/interview/answers';
import { scopeModels } from '../../core/interview/flow';
import { withoutReservedKeys } from '../../core/inventory/reserved-keys';
import { fromBundleResource, toBundleResource } from '../../core/bundle/schema';
import { evidenceStatusOf } from '../../core/risks/evidence-status';
import type { Risk } from '../../core/risks/schema';
import type {
  AnswerRecord,
  AssessmentRecord,
  ContactRecord,
  FindingRecord,
  BusinessServiceRecord,
  DeliverableSettingsRecord,
  IncidentSetupRecord,
  ProviderWorksheetRecord,
  ResourceChunkRecord,
  ResourceRecord,
  RiskRecord,
  SnapshotRecord,
} from '../db/database';
import { isGraphSnapshot } from '../db/database';
import { emptyEngagement } from '../db/assessments-repository';
import { buildChunks, findingRecords, recordsOfIndex } from '../db/inventory-repository';
import { bundleFindings, graphBundleSnapshot, graphFindingsOf, graphRecordFromBundle } from './graph-snapshots';

/** Every row of one assessment. */
export interface AssessmentDump {
  assessment: AssessmentRecord;
  answers: AnswerRecord[];
  snapshots: SnapshotRecord[];
  resources: ResourceRecord[];
  chunks: ResourceChunkRecord[];
  findings: FindingRecord[];
  risks: RiskRecord[];
  contacts: ContactRecord[];
  incidentSetup: IncidentSetupRecord | null;
  businessServices: BusinessServiceRecord[];
  providerWorksheets: ProviderWorksheetRecord[];
  deliverableSettings: DeliverableSettingsRecord | null;
}

/** What earlier versions exported for a blank client name; read back as blank. */
const LEGACY_NO_CLIENT = 'Not recorded';

function answersOf(records: readonly AnswerRecord[]): Answers {
  const out: Answers = {};
  for (const r of [...records].sort((a, b) => (a.questionId < b.questionId ? -1 : 1))) {
    if (r.choices.length === 0 && !r.notApplicable && !r.note && !r.evidence.trim()) continue;
    const answer: Answers[string] = { choices: [...r.choices] };
    if (r.note) answer.note = r.note;
    if (r.evidence.trim()) answer.evidence = r.evidence.split('\n').map((l) => l.trim()).filter(Boolean);
    if (r.updatedAt) answer.answeredAt = r.updatedAt;
    if (r.answeredBy.trim()) answer.answeredBy = r.answeredBy;
    if (r.notApplicable) answer.notApplicable = true;
    out[r.questionId] = answer;
  }
  return out;
}

function engagementOf(e: AssessmentRecord['engagement']): BundleEngagement | undefined {
  const out: BundleEngagement = {};
  if (e.engagementId.trim()) out.engagementId = e.engagementId;
  if (e.startDate) out.startDate = e.startDate;
  if (e.endDate) out.endDate = e.endDate;
  const attendees = e.attendees.filter((x) => x.name.trim() || x.role.trim()).map((x) => ({ name: x.name, role: x.role }));
  if (attendees.length > 0) out.attendees = attendees;
  if (e.classification.trim()) out.classification = e.classification;
  return Object.keys(out).length > 0 ? out : undefined;
}

function incidentResponseOf(setup: IncidentSetupRecord | null): AssessmentBundle['incidentResponse'] {
  if (!setup) return undefined;
  const out: NonNullable<AssessmentBundle['incidentResponse']> = {};
  const plan = SUPPORT_PLANS.find((p) => p === setup.supportPlan);
  if (plan) out.supportPlan = plan;
  if (setup.escalationNotes.trim()) out.escalationNotes = setup.escalationNotes;
  if (setup.outOfBandChannel?.trim()) out.outOfBandChannel = setup.outOfBandChannel;
  if (setup.planApprover?.trim()) out.planApprover = setup.planApprover;
  const rights = (setup.decisionRights ?? []).filter((d) => d.decision.trim()).map((d) => ({ decision: d.decision, holder: d.holder, ...(d.deputy.trim() ? { deputy: d.deputy } : {}) }));
  if (rights.length > 0) out.decisionRights = rights;
  const clocks = (setup.contractualClocks ?? [])
    .filter((c) => c.counterparty.trim() && c.deadline.trim())
    .map((c) => ({ counterparty: c.counterparty, deadline: c.deadline, ...(c.source.trim() ? { source: c.source } : {}) }));
  if (clocks.length > 0) out.contractualClocks = clocks;
  return Object.keys(out).length > 0 ? out : undefined;
}

function incidentSetupOf(assessmentId: string, ir: AssessmentBundle['incidentResponse'], updatedAt: string): IncidentSetupRecord | null {
  if (!ir) return null;
  return {
    assessmentId,
    supportPlan: ir.supportPlan ?? '',
    escalationNotes: ir.escalationNotes ?? '',
    outOfBandChannel: ir.outOfBandChannel ?? '',
    planApprover: ir.planApprover ?? '',
    decisionRights: (ir.decisionRights ?? []).map((d) => ({ decision: d.decision, holder: d.holder, deputy: d.deputy ?? '' })),
    contractualClocks: (ir.contractualClocks ?? []).map((c) => ({ counterparty: c.counterparty, deadline: c.deadline, source: c.source ?? '' })),
    updatedAt,
  };
}

/** The bundle's `deliverable` from the stored settings (undefined when nothing was set). */
function deliverableOf(settings: DeliverableSettingsRecord | null): AssessmentBundle['deliverable'] {
  if (!settings) return undefined;
  const { assessmentId: _a, updatedAt: _u, ...deliverable } = settings;
  return Object.keys(deliverable).length > 0 ? deliverable : undefined;
}

function toBundleRisk(r: RiskRecord): Risk {
  const { assessmentId: _a, origin: _o, status: _s, notes: _n, effectiveOwner: _e, updatedAt: _u, ...risk } = r;
  return risk;
}

/** The bundle of one assessment. */
export function dumpToBundle(dump: AssessmentDump, exportedAt = new Date().toISOString()): AssessmentBundle {
  const a = dump.assessment;
  const answers = answersOf(dump.answers);
  // resources in stored order (chunk by chunk): checks over an imported copy then see the
  // same order and produce the same evidence
  const byKey = new Map(dump.resources.map((r) => [`${r.snapshotId}\n${r.key}`, r]));
  const resources: BundleResource[] = [];
  // Graph objects (users' names) stay in the app; the bundle keeps their findings
  const graphSnapshots = new Set(dump.snapshots.filter(isGraphSnapshot).map((s) => s.id));
  const chunks = [...dump.chunks]
    .filter((c) => !graphSnapshots.has(c.snapshotId)).sort((x, y) => (x.snapshotId === y.snapshotId ? x.chunk - y.chunk : x.snapshotId < y.snapshotId ? -1 : 1));
  for (const c of chunks) {
    for (const row of c.rows) {
      const r = typeof row.id === 'string' ? byKey.get(`${c.snapshotId}\n${row.id.toLowerCase()}`) : undefined;
      if (!r) continue;
      // rows stored before reserved keys were dropped on the way in leave without them too
      resources.push(toBundleResource({ ...r, serviceModel: r.serviceModel as BundleResource['serviceModel'], raw: withoutReservedKeys(row).value }, r.snapshotId));
    }
  }
  const assessment: AssessmentBundle['assessment'] = {
    id: a.id,
    name: a.name,
    client: a.client,
    status: a.status,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    packId: a.packId,
    packVersion: a.packVersion,
    matrixId: a.matrixId,
    matrixVersion: a.matrixVersion,
    riskMatrixId: a.riskMatrixId,
    riskMatrixVersion: a.riskMatrixVersion,
    scope: { serviceModels: scopeModels(answers) ?? [], subscriptions: [...a.subscriptions] },
  };
  if (a.engagement.consultants.length > 0) assessment.consultant = a.engagement.consultants.join(', ');
  if (a.engagement.preamble) assessment.scope.notes = a.engagement.preamble;
  const engagement = engagementOf(a.engagement);
  if (engagement) assessment.engagement = engagement;
  const incidentResponse = incidentResponseOf(dump.incidentSetup);
  const deliverable = deliverableOf(dump.deliverableSettings);
  const businessServices = [...dump.businessServices].sort((x, y) => x.order - y.order).map(({ assessmentId: _a, order: _o, ...service }) => service);
  const graphSettings = a.breakGlassAccounts && a.breakGlassAccounts.length > 0 ? { breakGlassAccounts: [...a.breakGlassAccounts] } : undefined;
  const providerWorksheets = [...dump.providerWorksheets].sort((x, y) => (x.provider < y.provider ? -1 : 1)).map(({ assessmentId: _a, updatedAt: _u, ...sheet }) => sheet);
  return {
    format: 'demarc-assessment',
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    exportedAt,
    assessment,
    answers,
    contacts: [...dump.contacts]
      .sort((x, y) => x.order - y.order)
      .map((c) => {
        const contact: AssessmentBundle['contacts'][number] = { id: c.id, name: c.name, role: c.role };
        if (c.organisation) contact.organisation = c.organisation;
        if (c.email) contact.email = c.email;
        if (c.phone) contact.phone = c.phone;
        // IR roles as `IR role: <id>` entries (unknown ids dropped), then the deputy (core/report/ir-roles.ts)
        const responsibilities = responsibilitiesWith(knownRoles(c.roles), c.deputy);
        if (responsibilities.length > 0) contact.responsibilities = responsibilities;
        return contact;
      }),
    ...(incidentResponse ? { incidentResponse } : {}),
    ...(businessServices.length > 0 ? { businessServices } : {}),
    ...(providerWorksheets.length > 0 ? { providerWorksheets } : {}),
    ...(deliverable ? { deliverable } : {}),
    ...(graphSettings ? { graphSettings } : {}),
    inventory: {
      snapshots: [...dump.snapshots]
        .sort((x, y) => (x.takenAt < y.takenAt ? -1 : 1))
        .map((s) => {
          if (isGraphSnapshot(s)) return graphBundleSnapshot(s);
          const snapshot: AssessmentBundle['inventory']['snapshots'][number] = {
            id: s.id,
            takenAt: s.takenAt,
            source: s.source === 'azure' ? 'arg-pull' : 'file-import',
            rowCount: s.resourceCount,
            subscriptions: [...s.subscriptions],
          };
          if (s.format && ['rows-array', 'arg-response', 'arg-response-array', 'az-cli', 'arg-table', 'csv'].includes(s.format))
            snapshot.format = s.format as NonNullable<typeof snapshot.format>;
          if (s.source === 'file' && s.label) snapshot.fileName = s.label;
          if (s.queries.length > 0) snapshot.queries = [...s.queries];
          return snapshot;
        }),
      resources,
      findings: bundleFindings(dump.snapshots, dump.findings) as AssessmentBundle['inventory']['findings'],
    },
    risks: [...dump.risks].sort((x, y) => (x.id < y.id ? -1 : 1)).map(toBundleRisk),
    contentPack: { id: a.packId, version: a.packVersion },
  };
}

function riskState(risk: Risk): { notes: string; status: RiskRecord['status'] } {
  let notes = '';
  let status: RiskRecord['status'] = 'open';
  for (const h of risk.history) {
    if (h.action === 'notes') notes = h.detail;
    if (h.action === 'closed') status = 'closed';
    if (h.action === 'reopened') status = 'open';
  }
  return { notes, status };
}

/**
 * The rows of a (validated) bundle. Resource Graph findings are recomputed per snapshot with
 * the same engine, because the bundle's findings do not say which snapshot they belong to;
 * Graph findings are kept as exported (the bundle has no Graph objects to recompute them from).
 */
export function bundleToDump(bundle: AssessmentBundle, pack: ContentPack): AssessmentDump {
  const b = bundle.assessment;
  const engagement = emptyEngagement();
  engagement.consultants = b.consultant ? b.consultant.split(',').map((s) => s.trim()).filter(Boolean) : [];
  engagement.preamble = b.scope.notes ?? '';
  const e = b.engagement;
  if (e) {
    engagement.engagementId = e.engagementId ?? '';
    engagement.startDate = e.startDate ?? '';
    engagement.endDate = e.endDate ?? '';
    engagement.attendees = (e.attendees ?? []).map((x) => ({ name: x.name, role: x.role }));
    if (e.classification) engagement.classification = e.classification;
  }
  const answers: AnswerRecord[] = Object.entries(bundle.answers).map(([questionId, a]) => ({
    assessmentId: b.id,
    questionId,
    choices: [...a.choices],
    notApplicable: a.notApplicable ?? false,
    note: a.note ?? '',
    evidence: (a.evidence ?? []).join('\n'),
    answeredBy: a.answeredBy ?? '',
    updatedAt: a.answeredAt ?? b.updatedAt,
  }));
  const matrix = pack.matrices.get(b.matrixId) ?? pack.matrices.get(pack.header.defaultMatrix);
  const dump: AssessmentDump = {
    assessment: {
      id: b.id,
      name: b.name,
      client: b.client === LEGACY_NO_CLIENT ? '' : b.client,
      status: b.status,
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
      packId: b.packId,
      packVersion: b.packVersion,
      matrixId: b.matrixId,
      matrixVersion: b.matrixVersion,
      riskMatrixId: b.riskMatrixId,
      riskMatrixVersion: b.riskMatrixVersion,
      engagement,
      subscriptions: [...b.scope.subscriptions],
      progress: { answered: 0, total: 0 },
      deletedAt: null,
      ...(bundle.graphSettings?.breakGlassAccounts ? { breakGlassAccounts: [...bundle.graphSettings.breakGlassAccounts] } : {}),
    },
    answers,
    snapshots: [],
    resources: [],
    chunks: [],
    findings: [],
    risks: bundle.risks.map((r) => ({
      ...r,
      assessmentId: b.id,
      origin: pack.riskTemplates.has(r.templateId) ? 'derived' : 'manual',
      ...riskState(r),
      // bundles from before the status existed: computed from the risk's evidence
      evidenceStatus: evidenceStatusOf(r),
      effectiveOwner: r.ownerOverride?.owner ?? r.owner,
      updatedAt: b.updatedAt,
    })),
    contacts: bundle.contacts.map((c, order) => ({
      id: c.id,
      assessmentId: b.id,
      order,
      name: c.name,
      role: c.role,
      organisation: c.organisation ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
      deputy: deputyOf(c.responsibilities),
      roles: taggedRoles(c.responsibilities),
    })),
    incidentSetup: incidentSetupOf(b.id, bundle.incidentResponse, b.updatedAt),
    businessServices: (bundle.businessServices ?? []).map((s, order) => ({ ...s, assessmentId: b.id, order })),
    providerWorksheets: (bundle.providerWorksheets ?? []).map((w) => ({ ...w, assessmentId: b.id, updatedAt: b.updatedAt })),
    deliverableSettings: bundle.deliverable ? { ...bundle.deliverable, assessmentId: b.id, updatedAt: b.updatedAt } : null,
  };
  for (const s of bundle.inventory.snapshots) {
    if (s.source === 'graph-pull' || s.source === 'graph-import') {
      const findings = findingRecords(s.id, graphFindingsOf(s, bundle.inventory, pack));
      dump.snapshots.push(graphRecordFromBundle(s, b.id, findings));
      dump.findings.push(...findings);
      continue;
    }
    const resources = bundle.inventory.resources.filter((r) => r.snapshotId === s.id).map(fromBundleResource);
    const findings = findingRecords(s.id, matrix ? runChecks(resources, pack.checks, { matrix, includeNotApplicable: false }) : []);
    const chunks = buildChunks(s.id, resources, 0, findings);
    const rows = recordsOfIndex(chunks.index);
    const failing = new Set(findings.filter((f) => f.status === 'fail').map((f) => f.resourceKey));
    dump.snapshots.push({
      id: s.id,
      assessmentId: b.id,
      source: s.source === 'arg-pull' ? 'azure' : 'file',
      takenAt: s.takenAt,
      status: 'complete',
      label: s.fileName ?? (s.source === 'arg-pull' ? 'Azure Resource Graph' : 'Imported inventory'),
      format: s.format ?? null,
      subscriptions: [...s.subscriptions],
      managementGroups: [],
      resourceCount: resources.length,
      failingCount: failing.size,
      findingCount: findings.length,
      errors: [],
      queries: [...(s.queries ?? [])],
    });
    dump.resources.push(...rows);
    dump.chunks.push(...chunks.raw);
    dump.findings.push(...findings);
  }
  return dump;
}

/** The same dump under fresh ids (a copy: duplicate, demo, or import next to the original). */
export function rekeyDump(dump: AssessmentDump, name: string): AssessmentDump {
  const id = crypto.randomUUID();
  const snapshotIds = new Map(dump.snapshots.map((s) => [s.id, crypto.randomUUID()]));
  const sid = (old: string) => snapshotIds.get(old) ?? old;
  const timestamp = new Date().toISOString();
  return {
    assessment: { ...dump.assessment, id, name, createdAt: timestamp, updatedAt: timestamp, deletedAt: null },
    answers: dump.answers.map((a) => ({ ...a, assessmentId: id })),
    snapshots: dump.snapshots.map((s) => ({ ...s, id: sid(s.id), assessmentId: id })),
    resources: dump.resources.map((r) => ({ ...r, snapshotId: sid(r.snapshotId) })),
    chunks: dump.chunks.map((c) => ({ ...c, snapshotId: sid(c.snapshotId) })),
    findings: dump.findings.map((f) => ({ ...f, snapshotId: sid(f.snapshotId) })),
    risks: dump.risks.map((r) => ({ ...r, assessmentId: id })),
    contacts: dump.contacts.map((c) => ({ ...c, id: crypto.randomUUID(), assessmentId: id })),
    incidentSetup: dump.incidentSetup ? { ...dump.incidentSetup, assessmentId: id } : null,
    businessServices: dump.businessServices.map((s) => ({ ...s, assessmentId: id })),
    providerWorksheets: dump.providerWorksheets.map((w) => ({ ...w, assessmentId: id })),
    deliverableSettings: dump.deliverableSettings ? { ...dump.deliverableSettings, assessmentId: id } : null,
  };
}
