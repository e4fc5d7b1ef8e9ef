import type { Owner } from '../content/vocabulary';
import type { EvidenceStatus } from '../risks/schema';
import type { ReadableEvidence } from './evidence-text';
import type { PlaceholderName } from './template';

/** Types of the report model (pure data), shared by the model builders and the renderer. */

/** Options of a report build. */
export interface ReportOptions {
  /** mask tenant and subscription ids (and every other GUID) in client data; default true */
  mask?: boolean;
  /** the incident response plan inside the report (default) or as a separate document */
  irPlan?: 'inline' | 'separate';
  /** how much the report prints: executive, standard (default) or full technical (one page per risk) */
  depth?: ReportDepth;
  /** report date (ISO); default the bundle's exportedAt */
  date?: string;
  /** document version; default the template's */
  version?: string;
  preparedFor?: string;
  documentControl?: Partial<DocumentControl>;
}

export type ReportDepth = 'executive' | 'standard' | 'full';

export interface DocumentControl {
  versions: { version: string; date: string; author: string; change: string }[];
  reviewers: { name: string; role: string }[];
  distribution: { name: string; organisation: string; role: string }[];
}

/** A level of the risk matrix with its display order. */
export interface LevelInfo {
  id: string;
  label: string;
  order: number;
}

/** A rating: likelihood x impact and the level looked up in the grid. */
export interface Rating {
  likelihood: number;
  impact: number;
  level: string;
  levelLabel: string;
}

export type Horizon = '30' | '60' | '90' | 'later';

/** One risk as every part of the report needs it: all text cleaned, ids masked. */
export interface RiskView {
  id: string;
  bookmark: string;
  templateId: string;
  title: string;
  threat: string;
  category: string;
  categoryLabel: string;
  areaLabel: string;
  serviceModels: string;
  owner: Owner | 'unknown';
  ownerLabel: string;
  ownerJustification: string;
  action: 'remediate' | 'verify';
  inherent: Rating;
  residual: Rating;
  residualSet: boolean;
  treatment: string;
  acceptance?: { acceptedBy: string; expires: string; reason: string };
  actionOwner: string;
  dueDate: string;
  horizon: Horizon;
  effort: string;
  userImpact: string;
  recommendation: { summary: string; portal: string[]; cli: string };
  verification: string;
  mappings: { framework: string; ids: { id: string; title: string }[] }[];
  playbooks: string[];
  answers: { questionId: string; question: string; answer: string; result: string; note: string }[];
  findings: {
    checkId: string;
    checkTitle: string;
    severity: string;
    total: number;
    /** evidence: the readable summary; detail: the rule table, Defender items or settings behind it (absent when the finding is no longer stored) */
    resources: { name: string; type: string; resourceGroup: string; subscription: string; evidence: string; detail?: ReadableEvidence }[];
  }[];
  affectedResourceCount: number;
  /** the client's business services the affected resources belong to (e.g. LIMS), in the consultant's order */
  businessServices: string[];
  subscriptions: string[];
  disagreements: string[];
  /** how the risk is known: verified, reported, contradicted, manual */
  evidenceStatus: EvidenceStatus;
  evidenceStatusLabel: string;
  /** the engine's rating adjustments ("Impact 4 → 5: …"), or how the rating was set */
  ratingBasis: string[];
  history: { at: string; action: string; detail: string; by: string }[];
}

export interface HeatMap {
  /** counts[likelihood-1][impact-1] */
  counts: number[][];
  /** ids[likelihood-1][impact-1] */
  ids: string[][][];
}

/** Everything the document shows, computed once. Pure data: the renderer only lays it out. */
export interface ReportModel {
  placeholders: Record<PlaceholderName, string>;
  meta: {
    title: string;
    irPlanTitle: string;
    client: string;
    engagement: string;
    version: string;
    date: string;
    classification: string;
    classificationNotice: string;
    preparedBy: string;
    preparedFor: string;
    /** engagement reference ('' when not recorded) */
    engagementId: string;
    /** engagement dates, e.g. '23 November 2026 – 24 November 2026' ('' when not recorded) */
    engagementDates: string;
    firmName: string;
    keywords: string;
    subject: string;
    masked: boolean;
  };
  documentControl: DocumentControl;
  levels: LevelInfo[];
  riskMatrix: {
    title: string;
    source: string;
    likelihood: { value: number; label: string; description: string }[];
    impact: { value: number; label: string; description: string }[];
    grid: string[][];
  };
  posture: {
    rating: string;
    statement: string;
    byLevel: { level: LevelInfo; inherent: number; residual: number }[];
    domainScores: { title: string; answered: number; total: number; score: number | null }[];
    residualUnset: number;
  };
  heatmaps: { inherent: HeatMap; residual: HeatMap };
  topRisks: RiskView[];
  responsibility: {
    counts: Record<Owner | 'unknown', number>;
    customerMustOwn: RiskView[];
    verifyOnly: RiskView[];
    byCategory: { category: string; microsoft: number; customer: number; shared: number }[];
  };
  priorities: Record<Horizon, RiskView[]>;
  scope: {
    serviceModels: string[];
    m365: string;
    otherClouds: string;
    regulated: string;
    criticality: string;
    subscriptions: string[];
    notes: string;
    engagementDates: string;
    /** workshop attendees as recorded */
    attendees: { name: string; role: string }[];
    questionsAnswered: number;
    questionsVisible: number;
    domains: string[];
    snapshotTime: string;
    packTitle: string;
    packVersion: string;
  };
  environment: {
    resourceCount: number;
    subscriptionCount: number;
    resourceGroupCount: number;
    byType: { type: string; model: string; count: number }[];
    byRegion: { region: string; count: number }[];
    byModel: { model: string; count: number }[];
    exposure: { checkId: string; title: string; severity: string; failing: number; examples: string }[];
    findingTotals: { pass: number; fail: number; notApplicable: number };
  };
  /** what the provider commits to for this estate; absent when the pack has no commitment data */
  providerCommitments?: {
    slaEdition: string;
    counts: { committed: number; noSla: number; unknown: number };
    /** one row per service configuration found in the estate */
    services: { service: string; configuration: string; resources: string; count: number; sla: string; downtime: string; source: string }[];
    /** the client's tolerance, '' when not set */
    tolerance: string;
    workloads: { name: string; basis: string; composite: string; downtime: string; verdict: string; fixes: string[]; afterFixes: string }[];
    creditTerms: string[];
    greyAreas: { text: string; riskIds: string[] }[];
    otherProviders: { name: string; summary: string; source: string; columns: string[]; rows: { area: string; owners: string[]; basis: string }[] }[];
    sources: string[];
  };
  sharedResponsibility: {
    matrix: MatrixView;
    otherMatrix?: MatrixView;
    disagreements: { area: string; model: string; used: string; other: string }[];
    /** rows of the matrix used x in-scope models: risk ids on each cell */
    clientRisks: { area: string; cells: { model: string; owner: string; riskIds: string[] }[] }[];
    models: string[];
    greyAreas: { assumption: string; reality: string; clientAction: string; riskIds: string[] }[];
  };
  risks: RiskView[];
  roadmap: { horizon: Horizon; label: string; items: RiskView[] }[];
  irPlan: IrPlanModel;
  interviewLog: { domain: string; rows: { questionId: string; question: string; answer: string; result: string; note: string }[] }[];
  evidence: {
    snapshots: { id: string; takenAt: string; source: string; file: string; rows: number; subscriptions: string }[];
    queries: { checkId: string; title: string; table: string; query: string }[];
    scopeNote: string;
  };
  references: { title: string; source: string }[];
  acceptedRisks: RiskView[];
  /** every failing finding (check x resource) with its full readable and raw evidence, for the register workbook */
  findingRows?: FindingRow[];
}

/** One failing finding as the register workbook lists it: text cleaned, ids masked. */
export interface FindingRow {
  checkId: string;
  checkTitle: string;
  severity: string;
  resource: string;
  resourceType: string;
  resourceGroup: string;
  subscription: string;
  resourceId: string;
  /** the register risks this finding supports */
  riskIds: string[];
  /** every line of the readable evidence, nothing summarised */
  evidence: string;
  /** the evidence as the check recorded it (JSON) */
  raw: string;
}

export interface MatrixView {
  id: string;
  title: string;
  version: string;
  source: string;
  columns: string[];
  rows: { label: string; owners: string[] }[];
}

/** The tailored incident response plan (NIST SP 800-61 Rev. 3 / CSF 2.0, with the Rev. 2 phases). */
export interface IrPlanModel {
  planControl: { owner: string; approver: string; version: string; date: string; reviewCycle: string; nextReview: string };
  nistMapping: { rev2: string; csf: string; section: string }[];
  roles: { role: string; description: string; assignee: string }[];
  raci: { roles: string[]; rows: { activity: string; cells: string[] }[] };
  contacts: { name: string; role: string; organisation: string; email: string; phone: string; responsibilities: string }[];
  supportPlan: string;
  /** escalation notes from the incident response setup ('' when none) */
  escalationNotes: string;
  supportGapRiskIds: string[];
  /** Microsoft's support plans and their response targets (pack data), the client's marked; absent without the data */
  supportPlans?: {
    rows: { plan: string; clients: boolean; a: string; b: string; c: string; roundTheClock: string; note: string }[];
    /** whether the client's recorded plan is one of the rows */
    clientPlanKnown: boolean;
    sources: string[];
  };
  severity: { level: string; name: string; criteria: string; response: string; msSeverity: string }[];
  categories: { category: string; examples: string }[];
  readinessGaps: { riskId: string; bookmark: string; title: string; level: string; action: string }[];
  detectionSources: { source: string; status: string; basis: string }[];
  assetClasses: { name: string; why: string; containment: string[]; eradication: string[]; recovery: string[] }[];
  playbooks: {
    id: string;
    title: string;
    summary: string;
    reasons: string[];
    prerequisites: string[];
    phases: { phase: string; customer: string[]; microsoft: string[]; shared: string[] }[];
    riskIds: string[];
    mappings: string;
  }[];
  tabletop: { title: string; scenario: string; riskIds: string[]; injects: string[]; objectives: string[] }[];
}

