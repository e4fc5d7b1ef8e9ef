/**
 * The renderer's database: Dexie over IndexedDB, the source of truth for everything the
 * consultant enters. Opened once; schema comes from `migrations.ts`.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { evidenceStatusOf } from '../../core/risks/evidence-status';
import type { EvidenceStatus, Risk } from '../../core/risks/schema';
import type { BusinessService, Deliverable, ProviderWorksheet } from '../../core/bundle/schema';
import type { GraphCollectionResult, GraphGap } from '../../core/graph/snapshot';
import type { NamedAccountStatus } from '../../core/graph/checks/break-glass';
import { checkMigrations, migrations, type Migration } from './migrations';

export type AssessmentStatus = 'draft' | 'in-progress' | 'final';

export interface Attendee {
  name: string;
  role: string;
}

/** The engagement: who, when, what was agreed before the interview starts. */
export interface Engagement {
  engagementId: string;
  consultants: string[];
  startDate: string;
  endDate: string;
  attendees: Attendee[];
  /** The scoping preamble read out at the start of the workshop. */
  preamble: string;
  /** Classification marking printed on the deliverable. */
  classification: string;
}

export interface AssessmentRecord {
  id: string;
  name: string;
  client: string;
  status: AssessmentStatus;
  createdAt: string;
  updatedAt: string;
  packId: string;
  packVersion: string;
  matrixId: string;
  matrixVersion: string;
  riskMatrixId: string;
  riskMatrixVersion: string;
  engagement: Engagement;
  /** Azure subscriptions in scope ([] = all in the inventory). */
  subscriptions: string[];
  /** Cached interview progress for the home list. */
  progress: { answered: number; total: number };
  /** Set when deleted with undo still possible; purged on the next start. */
  deletedAt: string | null;
  /**
   * The emergency access accounts the consultant named for the Graph checks (the bundle's
   * `graphSettings.breakGlassAccounts`); absent until named. Kept on the assessment row, which
   * duplicate, erase and export already carry, so it needs no table of its own.
   */
  breakGlassAccounts?: string[];
}

/** One answer: per assessment and question. */
export interface AnswerRecord {
  assessmentId: string;
  questionId: string;
  choices: string[];
  /** Marked not applicable by the consultant (no choice says so). */
  notApplicable: boolean;
  note: string;
  /** Evidence references, one per line (document names, ticket ids, URLs). */
  evidence: string;
  answeredBy: string;
  updatedAt: string;
}

/** `graph-pull` / `graph-import`: a Microsoft Graph snapshot (Entra ID and Microsoft 365), see {@link GraphSnapshotInfo}. */
export type SnapshotSource = 'file' | 'azure' | 'bundle' | 'demo' | 'graph-pull' | 'graph-import';

/** Whether a snapshot holds Microsoft Graph evidence (else Resource Graph resources). */
export function isGraphSnapshot(s: { source: SnapshotSource }): boolean {
  return s.source === 'graph-pull' || s.source === 'graph-import';
}
export type SnapshotStatus = 'complete' | 'partial' | 'cancelled' | 'in-progress';

export interface SnapshotRecord {
  id: string;
  assessmentId: string;
  source: SnapshotSource;
  takenAt: string;
  status: SnapshotStatus;
  /** Original file name, or "Azure Resource Graph". */
  label: string;
  format: string | null;
  subscriptions: string[];
  managementGroups: string[];
  resourceCount: number;
  failingCount: number;
  findingCount: number;
  errors: { scope: string; message: string }[];
  queries: string[];
  /** Graph snapshots only: the tenant read, the collections, the gaps and the checks not assessed. */
  graph?: GraphSnapshotInfo;
}

/**
 * What a Graph snapshot record keeps besides the common columns: its rows are stored like
 * resources (type `microsoft.graph/…`, the object id), its findings like Resource Graph ones.
 * `collections` and `cloud` are known only for snapshots pulled or imported here (a bundle
 * carries the gaps and the checks not assessed, not the per-collection counts).
 */
export interface GraphSnapshotInfo {
  tenantId: string;
  tenantName: string | null;
  cloud: string | null;
  collections: GraphCollectionResult[];
  gaps: GraphGap[];
  /** Graph checks that could not be assessed, and why (the interview answer stays the evidence). */
  notAssessed: { checkId: string; reason: string }[];
  /** The named emergency access accounts as this snapshot shows them (when checked here with names given). */
  namedAccounts?: NamedAccountStatus[];
}

/** The queryable columns of one resource (in memory; stored column-wise in {@link ResourceIndexChunk}). */
export interface ResourceRecord {
  snapshotId: string;
  id: string;
  /** lower-cased id, for case-insensitive joins with findings */
  key: string;
  name: string;
  type: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  serviceModel: string;
  tenantId: string | null;
  failing: number;
  failingChecks: string[];
  chunk: number;
}

/**
 * The queryable columns of up to CHUNK_SIZE resources, column by column. IndexedDB's cost is
 * per record, so 100,000 resources are stored as 200 of these (plus 200 raw chunks), not
 * 100,000 indexed rows.
 */
export interface ResourceIndexChunk {
  snapshotId: string;
  chunk: number;
  ids: string[];
  names: string[];
  types: string[];
  subscriptionIds: string[];
  resourceGroups: string[];
  locations: string[];
  serviceModels: string[];
  tenantIds: (string | null)[];
  failingChecks: string[][];
}

/** The findings of the resources of one chunk (chunk -1: findings on resources not in the inventory, e.g. subscriptions). */
export interface FindingChunkRecord {
  snapshotId: string;
  chunk: number;
  findings: FindingRecord[];
}

/** Raw Resource Graph rows, many per IndexedDB record (one row per resource is too slow to store). */
export interface ResourceChunkRecord {
  snapshotId: string;
  chunk: number;
  rows: Record<string, unknown>[];
}

export interface FindingRecord {
  snapshotId: string;
  checkId: string;
  /** lower-cased resource id */
  resourceKey: string;
  resourceId: string;
  resourceName: string;
  resourceType: string;
  subscriptionId: string;
  title: string;
  status: 'pass' | 'fail' | 'not-applicable';
  severity: string;
  owner: string;
  responsibilityArea: string;
  serviceModel: string;
  evidence: Record<string, unknown>;
}

export type RiskStatus = 'open' | 'closed';

/** A risk of the register: the engine's risk plus what the workshop adds. */
export interface RiskRecord extends Risk {
  assessmentId: string;
  /** `derived` risks follow answers and findings; `manual` ones are kept as they are. */
  origin: 'derived' | 'manual';
  /** `closed` when the answers or findings behind a derived risk no longer raise it. */
  status: RiskStatus;
  notes: string;
  /** owner after any override: what the register filters on */
  effectiveOwner: string;
  updatedAt: string;
}

/**
 * The register's view of a risk: what the table, filters, heat maps and responsibility view
 * need, kept small so 5,000 of them read in a blink. Written with every risk write.
 */
export interface RiskRowRecord {
  assessmentId: string;
  id: string;
  templateId: string;
  title: string;
  category: string;
  area: string;
  serviceModels: string[];
  effectiveOwner: string;
  ownerOverridden: boolean;
  likelihood: number;
  impact: number;
  inherentLevel: string;
  residual: { likelihood: number; impact: number; level: string } | null;
  treatment: string | null;
  status: RiskStatus;
  origin: RiskRecord['origin'];
  verification: string | null;
  /** how the risk is known (absent on rows written before it existed) */
  evidenceStatus?: EvidenceStatus;
}

export interface ContactRecord {
  id: string;
  assessmentId: string;
  order: number;
  name: string;
  role: string;
  /** the contact's company when it is not the client (MSSP, insurer, Microsoft); absent on rows written before it existed */
  organisation?: string;
  phone: string;
  email: string;
  deputy: string;
  /** IR roles the contact holds (core/report/ir-roles.ts ids); absent on rows written before roles existed */
  roles?: string[];
}

export interface IncidentSetupRecord extends IncidentSetupExtras {
  assessmentId: string;
  supportPlan: string;
  escalationNotes: string;
  updatedAt: string;
}


export interface IncidentSetupExtras {
  /** absent on rows written before version 5 */
  outOfBandChannel?: string;
  planApprover?: string;
  decisionRights?: { decision: string; holder: string; deputy: string }[];
  contractualClocks?: { counterparty: string; deadline: string; source: string }[];
}

/** A business service (workload) of an assessment; the bundle's `businessServices` entry plus its owner. */
export type BusinessServiceRecord = BusinessService & { assessmentId: string; order: number };

/** A provider-commitment worksheet of an assessment (one per non-Microsoft provider). */
export type ProviderWorksheetRecord = ProviderWorksheet & { assessmentId: string; updatedAt: string };

/** Report settings and sign-off of an assessment (the bundle's `deliverable`). */
export type DeliverableSettingsRecord = Deliverable & { assessmentId: string; updatedAt: string };

export type DemarcDatabase = Dexie & {
  assessments: EntityTable<AssessmentRecord, 'id'>;
  answers: Table<AnswerRecord, [string, string]>;
  snapshots: EntityTable<SnapshotRecord, 'id'>;
  resourceIndex: Table<ResourceIndexChunk, [string, number]>;
  resourceChunks: Table<ResourceChunkRecord, [string, number]>;
  findingChunks: Table<FindingChunkRecord, [string, number]>;
  risks: Table<RiskRecord, [string, string]>;
  riskRows: Table<RiskRowRecord, [string, string]>;
  contacts: EntityTable<ContactRecord, 'id'>;
  incidentSetup: EntityTable<IncidentSetupRecord, 'assessmentId'>;
  businessServices: EntityTable<BusinessServiceRecord, 'id'>;
  providerWorksheets: Table<ProviderWorksheetRecord, [string, string]>;
  deliverableSettings: EntityTable<DeliverableSettingsRecord, 'assessmentId'>;
};

export const DATABASE_NAME = 'demarc';

export function riskRowOf(r: RiskRecord): RiskRowRecord {
  return {
    assessmentId: r.assessmentId,
    id: r.id,
    templateId: r.templateId,
    title: r.title,
    category: r.category,
    area: r.area,
    serviceModels: [...r.serviceModels],
    effectiveOwner: r.effectiveOwner,
    ownerOverridden: r.ownerOverride !== null,
    likelihood: r.likelihood,
    impact: r.impact,
    inherentLevel: r.inherentLevel,
    residual: r.residual ? { ...r.residual } : null,
    treatment: r.treatment,
    status: r.status,
    origin: r.origin,
    verification: r.verification ?? null,
    evidenceStatus: evidenceStatusOf(r),
  };
}

export function createDatabase(name = DATABASE_NAME, list: readonly Migration[] = migrations): DemarcDatabase {
  checkMigrations(list);
  const db = new Dexie(name) as DemarcDatabase;
  for (const migration of list) {
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
  return db;
}

let shared: DemarcDatabase | undefined;

/** The app's database (created on first use). */
export function database(): DemarcDatabase {
  shared ??= createDatabase();
  return shared;
}

/** Tables that hold one assessment's data (everything but the assessment itself). */
export function assessmentTables(db: DemarcDatabase) {
  return [db.assessments, db.answers, db.snapshots, db.resourceIndex, db.resourceChunks, db.findingChunks, db.risks, db.riskRows, db.contacts, db.incidentSetup, db.businessServices, db.providerWorksheets, db.deliverableSettings];
}
