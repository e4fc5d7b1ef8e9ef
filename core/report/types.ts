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
  /** the IR plan as its own document or inside the report ('inline' is the old name of 'inside'); default: the bundle's deliverable setting, else separate */
  irPlan?: 'inside' | 'inline' | 'separate';
  /** how much the report prints: executive, standard (default) or full technical (one page per risk) */
  depth?: ReportDepth;
  /** report date (ISO); default the bundle's exportedAt */
  date?: string;
  /** document version; default from the deliverable settings, else one that agrees with the status (deliverable.ts) */
  version?: string;
  /** draft or final; default the deliverable settings, else final only when the assessment is */
  status?: 'draft' | 'final';
  preparedFor?: string;
  documentControl?: Partial<DocumentControl>;
}

export type ReportDepth = 'executive' | 'standard' | 'full';

export interface DocumentControl {
  versions: { version: string; date: string; author: string; change: string }[];
  /** the author, then the engagement partner, QA reviewer and client sponsor when named (each signs) */
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
  /** ids of risks merged into this one by a template migration (core/risks/schema.ts `formerIds`), lowest first */
  formerIds: string[];
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
  /** brief: a scoping answer by its choices' short names ("IaaS; PaaS; SaaS"), for one-line evidence */
  answers: { questionId: string; question: string; answer: string; result: string; note: string; brief?: string }[];
  findings: {
    checkId: string;
    checkTitle: string;
    severity: string;
    total: number;
    /** evidence: the readable summary; detail: the rule table, Defender items or settings behind it (absent when the finding is no longer stored) */
    resources: { name: string; type: string; resourceGroup: string; subscription: string; evidence: string; detail?: ReadableEvidence; businessServices?: string[] }[];
  }[];
  affectedResourceCount: number;
  /** the client's business services the affected resources belong to (e.g. LIMS), in the consultant's order */
  businessServices: string[];
  subscriptions: string[];
  disagreements: string[];
  /** how the risk is known: verified, reported, contradicted, manual */
  evidenceStatus: EvidenceStatus;
  evidenceStatusLabel: string;
  /** the status label and what it means, as the risk's facts print it */
  howKnown: string;
  /** set when the risk rests only on "Don't know": not an established weakness; `step` says how to verify it */
  toVerify?: { step: string };
  /** facts recorded elsewhere in the assessment (incident response setup) that bear on this risk's answers */
  recordedFacts: string[];
  /** the engine's rating adjustments ("Impact 4 → 5: …"), or how the rating was set */
  ratingBasis: string[];
  history: { at: string; action: string; detail: string; by: string }[];
}

/** A live issue escalated to "act now (this week)" whatever its target rating (pack: a check's `actNow`). */
export interface ActNowItem {
  riskId: string;
  bookmark: string;
  /** the live issue(s), as the pack labels them (e.g. "Open high-severity Defender alert") */
  issue: string;
  /** the risk's title */
  title: string;
  /** the subjects named (an alert on a VM, an NSG, a masked user), at most a few; `subjectTotal` counts them all */
  subjects: string[];
  subjectTotal: number;
  businessServices: string[];
  firstAction: string;
  /** current (inherent) rating */
  inherent: Rating;
}

/** A top risk of the executive summary, with the risks that are the same finding (shown once). */
export interface TopRisk {
  risk: RiskView;
  /** ids of other risks raised from the same failing checks or the same resources */
  sameFinding: string[];
}

/** One answer the inventory contradicts: what the client said, what the inventory shows. */
export interface BelieveVsFoundRow {
  questionId: string;
  question: string;
  /** the answer as given */
  said: string;
  /** what the inventory shows, with counts and named resources (one line per check) */
  found: string;
  /** resources failing the checks that contradict the answer */
  failing: number;
  checkIds: string[];
  riskIds: string[];
}

/** How an identity or Microsoft 365 conclusion is known: verified by Graph, not assessed (gap), or reported in interview. */
export type IdentityBasis = 'graph' | 'not-assessed' | 'interview';

/** The identity and Microsoft 365 conclusions: which are verified by Microsoft Graph, which rest on the interview. */
export interface IdentityEvidence {
  /** a Graph snapshot is in the bundle */
  graphCollected: boolean;
  /** one paragraph: how many conclusions rest on what */
  statement: string;
  rows: { checkId: string; title: string; basis: IdentityBasis; basisLabel: string; graph: string; interview: string }[];
}

/** A theme of the report: a group of risks a client reads as one story (pack data, `themes.yaml`). */
export interface ThemeView {
  id: string;
  title: string;
  whyItMatters: string;
  /** the role that usually owns the fixes ('' when the pack names none) */
  ownerRole: string;
  /** "9 risks: 2 Very high, 7 High (current rating); …" */
  counts: string;
  /** one sentence per business service of the client the theme's risks touch */
  services: string[];
  /** most serious now first (current rating, then affected resources, then id) */
  risks: RiskView[];
}

/** The roadmap phases: 0–30 days, 31–90 days, beyond 90 days. */
export type PlanPhase = '30' | '90' | 'later';

/** One fix in the roadmap plan. */
export interface PlanItem {
  risk: RiskView;
  /** the theme id */
  workstream: string;
  /** the named action owner ('' when none: the workstream's role is suggested) */
  owner: string;
  /** effort in person-days (pack data) */
  days: { min: number; max: number };
  /** at most a working week */
  quickWin: boolean;
  phase: PlanPhase;
  /** brought into an earlier phase because a fix scheduled there depends on it */
  pulledForward: boolean;
  /** risk ids whose fixes come first */
  after: string[];
  reasons: string[];
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
    /** 'Draft for review' or 'Final', agreeing with the version */
    statusLabel: string;
    date: string;
    classification: string;
    classificationNotice: string;
    preparedBy: string;
    preparedFor: string;
    /** the client's sponsor who accepts the report, by name ('' when the deliverable names none) */
    sponsor: string;
    /** the engagement partner who signs it ('' when none is named) */
    partner: string;
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
  /** most serious first by current (inherent) rating, the same finding once */
  topRisks: RiskView[];
  /** the executive summary's framing and ranked risks */
  summary: {
    /** sentences on the client's business: sector, regulated data, criticality, named services (only what was recorded) */
    framing: string[];
    topRisks: TopRisk[];
  };
  /** live issues to handle this week, by current (inherent) rating */
  actNow: ActNowItem[];
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
    /** shown questions the consultant marked not applicable (neither answered nor open) */
    questionsNotApplicable: number;
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
    /** the client's tolerance from the scoping answer, '' when not set */
    tolerance: string;
    /** business-services: the client's services defined with the consultant; suggested: Demarc's grouping */
    workloadSource?: 'business-services' | 'suggested';
    /** `tolerance`: the workload's own figure and its basis; `riskIds`: the register's availability-gap risk when it falls short */
    workloads: { name: string; basis: string; composite: string; downtime: string; verdict: string; fixes: string[]; afterFixes: string; tolerance?: string; riskIds?: string[] }[];
    creditTerms: string[];
    greyAreas: { text: string; riskIds: string[] }[];
    otherProviders: OtherProvidersView;
    sources: string[];
  };
  sharedResponsibility: {
    matrix: MatrixView;
    otherMatrix?: MatrixView;
    disagreements: { area: string; model: string; used: string; other: string }[];
    /** rows of the matrix used x in-scope models: risk ids on each cell, and how many are at the top two levels */
    clientRisks: { area: string; cells: { model: string; owner: string; riskIds: string[]; serious: number }[] }[];
    /** the answers the inventory contradicts, most serious risk first */
    believeVsFound: BelieveVsFoundRow[];
    /** identity and Microsoft 365: verified by Graph vs reported in interview */
    identityEvidence: IdentityEvidence;
    models: string[];
    greyAreas: { assumption: string; reality: string; clientAction: string; riskIds: string[] }[];
  };
  risks: RiskView[];
  roadmap: { horizon: Horizon; label: string; items: RiskView[] }[];
  /** how much the report prints (ReportOptions.depth, default standard) */
  depth: ReportDepth;
  /** the register grouped into themes */
  themes: ThemeView[];
  /** once for the chapter: how many themes the inventory ties to none of the client's business services ('' when none named, or every theme is tied) */
  themeServiceNote: string;
  /** the roadmap as a plan: phases, workstreams (the themes), effort, owners, dependencies */
  plan: {
    phases: {
      phase: PlanPhase;
      label: string;
      count: number;
      quickWins: number;
      days: { min: number; max: number };
      workstreams: { id: string; title: string; ownerRole: string; days: { min: number; max: number }; items: PlanItem[] }[];
    }[];
    /** how the person-day ranges were estimated */
    basis: string;
    /** risks left out of the plan because they were accepted */
    accepted: string[];
    quickWinDays: number;
  };
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
    /** the most severe linked risks (by inherent rating), a few only */
    riskIds: string[];
    /** linked risks not listed ("and N more in the register") */
    moreRiskCount: number;
    mappings: string;
  }[];
  tabletop: { title: string; scenario: string; riskIds: string[]; businessServices: string[]; injects: string[]; objectives: string[] }[];
  /** the one-page card a responder reads first */
  quickCard: {
    declare: string[];
    callList: { role: string; name: string; phone: string }[];
    firstFifteen: string[];
    outOfBand: string;
    microsoft: [string, string][];
  };
  /**
   * One row per role the plan needs; `gap` when nobody holds it. The string fields join the
   * holders with "; " (the quick card); `holders` keeps each person's details together.
   */
  contactSheet: { role: string; duty: string; required: boolean; name: string; organisation: string; phone: string; email: string; deputy: string; gap: boolean; holders: ContactHolder[] }[];
  /** what the IR setup still lacks (roles, approver, out-of-band channel, decision rights) */
  gaps: { id: string; required: boolean; message: string }[];
  /** '' when none was recorded */
  outOfBandChannel: string;
  decisionRights: { decision: string; holder: string; deputy: string; gap: boolean }[];
  notificationClocks: {
    regulatory: { regime: string; why: string; trigger: string; deadlines: { step: string; deadline: string; citation: string }[]; note: string }[];
    contractual: { counterparty: string; deadline: string; source: string }[];
    caveats: string[];
    sources: string[];
  };
}

/**
 * A person holding an IR role, as the contact sheet prints them: `organisation` is '' for the
 * client's own staff; a missing phone or email reads "Not recorded".
 */
export interface ContactHolder {
  name: string;
  organisation: string;
  phone: string;
  email: string;
  /** '' when none is named */
  deputy: string;
}

/** Other providers in scope, side by side: a column per provider (model-builders/other-providers.ts). */
export interface OtherProvidersView {
  providers: { name: string; summary: string; source: string }[];
  /** Microsoft's rows: each provider's owners in one cell ("Not sourced" without a matrix; † = Demarc's mapping) */
  matrix: { area: string; cells: string[] }[];
  /** worksheet items: each provider's answer; a gap names the risk it feeds when raised */
  worksheet: { item: string; cells: { status: string; note: string; riskId?: string }[] }[];
  /** answers that are No or Unknown */
  gaps: number;
  sources: string[];
}
