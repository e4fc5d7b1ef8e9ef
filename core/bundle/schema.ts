import { z } from 'zod';
import { AreaSchema, MappingsSchema, OwnerSchema, ServiceModelSchema, SeveritySchema } from '../content/vocabulary';
import { AnswersSchema } from '../interview/answers';
import type { Resource } from '../inventory/normalise';
import { graphGapSchema } from '../graph/snapshot';
import { RiskSchema } from '../risks/schema';

/** Current bundle schema version. */
export const BUNDLE_SCHEMA_VERSION = 1;

const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO 8601 date-time with zone');

/** The Microsoft support arrangements the incident response setup offers. */
export const SUPPORT_PLANS = [
  'Not known',
  'None (billing and subscription support only)',
  'Developer',
  'Standard',
  'Professional Direct',
  'Unified Support (Enterprise)',
  'Premier',
  'Through a Cloud Solution Provider (CSP) partner',
] as const;
export const SupportPlanSchema = z.enum(SUPPORT_PLANS);

/** A workshop attendee (either field may be blank while the list is being filled in). */
export const AttendeeSchema = z.strictObject({
  name: z.string().max(200),
  role: z.string().max(200),
});

/** The engagement as recorded in the workshop: every field optional (absent = not recorded). */
export const EngagementSchema = z.strictObject({
  engagementId: z.string().min(1).max(100).optional(),
  /** ISO dates (YYYY-MM-DD) */
  startDate: z.iso.date().optional(),
  endDate: z.iso.date().optional(),
  attendees: z.array(AttendeeSchema).max(200).optional(),
  /** classification marking printed on the deliverable (overrides the template's) */
  classification: z.string().min(1).max(200).optional(),
});
export type BundleEngagement = z.infer<typeof EngagementSchema>;

/** The assessment record: what was assessed, for whom, and with which content versions. */
export const AssessmentSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  /** may be empty: the workshop allows an assessment without a client name */
  client: z.string().max(200),
  consultant: z.string().optional(),
  status: z.enum(['draft', 'in-progress', 'final']),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  packId: z.string().min(1),
  packVersion: z.string().min(1),
  /** responsibility matrix used for owners (id and version, e.g. jan-2026 / 2026-01-12) */
  matrixId: z.string().min(1),
  matrixVersion: z.string().min(1),
  riskMatrixId: z.string().min(1),
  riskMatrixVersion: z.string().min(1),
  scope: z.strictObject({
    /** service models in scope (mirrors the SCOPE-MODELS answer) */
    serviceModels: z.array(ServiceModelSchema),
    /** Azure subscriptions in scope ([] = all in the inventory) */
    subscriptions: z.array(z.string()),
    notes: z.string().optional(),
  }),
  engagement: EngagementSchema.optional(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

/** A contact of the incident response setup; name and role may be blank (the workshop allows it). */
export const ContactSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().max(200),
  role: z.string().max(200),
  organisation: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
  phone: z.string().max(100).optional(),
  /** e.g. incident commander, Microsoft support contract owner */
  responsibilities: z.array(z.string()).optional(),
});

/** Who may take a decision during an incident (e.g. isolate the LIMS, invoke DR), and their deputy. */
export const DecisionRightSchema = z.strictObject({
  decision: z.string().min(1).max(500),
  holder: z.string().max(200),
  deputy: z.string().max(200).optional(),
});

/** A notification deadline the client owes under a contract (regulatory clocks are pack data). */
export const ContractualClockSchema = z.strictObject({
  /** whom the client must notify, e.g. "Sponsor (clinical trial agreement)" */
  counterparty: z.string().min(1).max(200),
  /** the deadline as the contract words it, e.g. "24 hours from awareness" */
  deadline: z.string().min(1).max(200),
  /** the contract clause it comes from */
  source: z.string().max(500).optional(),
});

/** The incident response setup: the client's Microsoft support plan and how to escalate. */
export const IncidentResponseSchema = z.strictObject({
  supportPlan: SupportPlanSchema.optional(),
  escalationNotes: z.string().min(1).max(50_000).optional(),
  /** how responders talk when email and Teams may be compromised (bridge number, Signal group…) */
  outOfBandChannel: z.string().min(1).max(2000).optional(),
  /** who approves the plan */
  planApprover: z.string().min(1).max(200).optional(),
  decisionRights: z.array(DecisionRightSchema).max(100).optional(),
  contractualClocks: z.array(ContractualClockSchema).max(100).optional(),
});

/**
 * A business service (also the "workload" of provider commitments): resources the client's
 * business depends on together, named as the client names it (e.g. LIMS). Members are resource
 * ids and whole resource groups (`<subscriptionId>/<resourceGroup>`, compared case-insensitively).
 */
export const BusinessServiceSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  criticality: z.enum(['low', 'medium', 'high', 'critical']).optional(),
  /** recovery time objective: the longest outage the client tolerates, in minutes */
  rtoMinutes: z.number().int().min(0).max(525_600).optional(),
  /** downtime the client tolerates per month, in minutes (compared with the composite SLA) */
  toleratedDowntimeMinutesPerMonth: z.number().min(0).max(44_640).optional(),
  resourceIds: z.array(z.string().min(1)).max(100_000),
  resourceGroups: z.array(z.string().min(1)).max(10_000),
  /** how the membership was formed: 'consultant', or the suggestion accepted (e.g. 'tag workload=LIMS') */
  basis: z.string().max(500).optional(),
});
export type BusinessService = z.infer<typeof BusinessServiceSchema>;

/** One answer of a provider-commitment worksheet; item ids are defined by the content pack. */
export const WorksheetAnswerSchema = z.strictObject({
  itemId: z.string().min(1).max(100),
  status: z.enum(['yes', 'partial', 'no', 'unknown']),
  note: z.string().max(5000).optional(),
});

/** The provider-commitment worksheet for a non-Microsoft provider in scope, filled in the workshop. */
export const ProviderWorksheetSchema = z.strictObject({
  /** the SCOPE-OTHER-CLOUDS choice id (aws, gcp, oracle, other) */
  provider: z.string().min(1).max(100),
  /** the provider's name when the choice is 'other' */
  name: z.string().max(200).optional(),
  answers: z.array(WorksheetAnswerSchema).max(200),
});
export type ProviderWorksheet = z.infer<typeof ProviderWorksheetSchema>;

/** A pre-flight item the consultant accepted instead of fixing, with why (the report says so). */
export const PreflightAcceptanceSchema = z.strictObject({
  itemId: z.string().min(1).max(300),
  reason: z.string().min(1).max(2000),
  by: z.string().max(200).optional(),
  at: isoDateTime.optional(),
});

/** How the deliverable is produced and signed off. */
export const DeliverableSchema = z.strictObject({
  depth: z.enum(['executive', 'standard', 'full']).optional(),
  /** the IR plan as its own document (default) or inside the report */
  irPlan: z.enum(['separate', 'inside']).optional(),
  status: z.enum(['draft', 'final']).optional(),
  /** document version, e.g. '0.9' (draft) or '1.0' (final) */
  version: z.string().min(1).max(20).optional(),
  /** engagement partner who signs the report */
  partner: z.string().min(1).max(200).optional(),
  /** quality reviewer */
  qaReviewer: z.string().min(1).max(200).optional(),
  /** the client's sponsor */
  sponsor: z.string().min(1).max(200).optional(),
  preflightAccepted: z.array(PreflightAcceptanceSchema).max(1000).optional(),
});
export type Deliverable = z.infer<typeof DeliverableSchema>;

/** Most emergency access accounts a list takes (Microsoft recommends two or more; more is a sign of a wrong list). */
export const MAX_BREAK_GLASS_ACCOUNTS = 20;
/** Longest name taken: a user principal name is at most 113 characters, an object id 36. */
export const MAX_BREAK_GLASS_NAME = 256;
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_PRINCIPAL_NAME = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One emergency access account as the consultant names it: a user principal name or an object id. */
export const BreakGlassAccountSchema = z
  .string()
  .trim()
  .min(1, { error: 'is empty: name the account by its user principal name or object id', abort: true })
  .max(MAX_BREAK_GLASS_NAME, { error: `is longer than ${MAX_BREAK_GLASS_NAME} characters`, abort: true })
  .refine((v) => OBJECT_ID.test(v) || USER_PRINCIPAL_NAME.test(v), {
    error: (issue) => `'${String(issue.input)}' is neither a user principal name (name@domain) nor an object id (a GUID)`,
  });

/**
 * The emergency access (break-glass) accounts the consultant names for the Graph checks (GR-09;
 * Conditional Access exclusions of these accounts do not weaken a policy). Compared ignoring case,
 * as Entra ID compares sign-in names, so a name given twice is refused.
 */
export const BreakGlassAccountsSchema = z
  .array(BreakGlassAccountSchema)
  .max(MAX_BREAK_GLASS_ACCOUNTS, `at most ${MAX_BREAK_GLASS_ACCOUNTS} emergency access accounts`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((account, i) => {
      const key = account.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `'${account}' is named twice (names are compared ignoring case)` });
      seen.add(key);
    });
  });

/** Settings of the Microsoft Graph checks recorded with the assessment. */
export const GraphSettingsSchema = z.strictObject({
  breakGlassAccounts: BreakGlassAccountsSchema.optional(),
});
export type GraphSettings = z.infer<typeof GraphSettingsSchema>;

/** Where an inventory came from. */
export const SnapshotSchema = z.strictObject({
  id: z.string().min(1),
  takenAt: isoDateTime,
  /** `graph-pull` / `graph-import`: a Microsoft Graph snapshot (Entra ID and Microsoft 365), whose findings are stored, not its objects */
  source: z.enum(['arg-pull', 'file-import', 'graph-pull', 'graph-import']),
  format: z.enum(['rows-array', 'arg-response', 'arg-response-array', 'az-cli', 'arg-table', 'csv']).optional(),
  fileName: z.string().optional(),
  rowCount: z.number().int().min(0),
  subscriptions: z.array(z.string()),
  /** check ids (or named queries) whose KQL produced the rows */
  queries: z.array(z.string()).optional(),
  /** Graph snapshots: the tenant read */
  tenantId: z.string().min(1).optional(),
  /** Graph snapshots: checks that could not be assessed (a licence or permission gap), and why; the interview answer stays the evidence */
  notAssessed: z.array(z.strictObject({ checkId: z.string().min(1), reason: z.string() })).optional(),
  /** Graph snapshots: the collections Graph refused (licence, permission, not offered, not provided), with Graph's code and message */
  gaps: z.array(graphGapSchema).optional(),
});
export type BundleSnapshot = z.infer<typeof SnapshotSchema>;

/** A stored resource: normalised columns plus the Resource Graph row as read. */
export const BundleResourceSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  type: z.string().min(1),
  subscriptionId: z.string(),
  resourceGroup: z.string(),
  location: z.string(),
  tenantId: z.string().optional(),
  serviceModel: z.union([ServiceModelSchema, z.literal('unknown')]),
  snapshotId: z.string().min(1),
  row: z.record(z.string(), z.unknown()),
});
export type BundleResource = z.infer<typeof BundleResourceSchema>;

export const FindingSchema = z.strictObject({
  checkId: z.string().min(1),
  title: z.string().min(1),
  resourceId: z.string().min(1),
  resourceName: z.string(),
  resourceType: z.string().min(1),
  subscriptionId: z.string(),
  status: z.enum(['pass', 'fail', 'not-applicable']),
  severity: SeveritySchema,
  owner: z.union([OwnerSchema, z.literal('unknown')]),
  responsibilityArea: AreaSchema,
  serviceModel: z.union([ServiceModelSchema, z.literal('unknown')]),
  evidence: z.record(z.string(), z.unknown()),
  /** present when the check maps per subject (e.g. one CIS id per Defender plan) */
  mappings: MappingsSchema.optional(),
  /**
   * Graph findings: the snapshot whose checks produced it (its objects are not in the bundle,
   * so its findings cannot be recomputed on import). Resource Graph findings are recomputed
   * from the resources and leave it out.
   */
  snapshotId: z.string().min(1).optional(),
});
export type BundleFinding = z.infer<typeof FindingSchema>;

/** The assessment bundle (`*.demarc.json`): export, backup, import, CLI input and fixtures. */
export const AssessmentBundleSchema = z
  .strictObject({
    format: z.literal('demarc-assessment'),
    schemaVersion: z.literal(BUNDLE_SCHEMA_VERSION),
    exportedAt: isoDateTime,
    assessment: AssessmentSchema,
    answers: AnswersSchema,
    contacts: z.array(ContactSchema),
    incidentResponse: IncidentResponseSchema.optional(),
    businessServices: z.array(BusinessServiceSchema).max(500).optional(),
    providerWorksheets: z.array(ProviderWorksheetSchema).max(20).optional(),
    deliverable: DeliverableSchema.optional(),
    /** the consultant's settings for the Graph checks (the named emergency access accounts) */
    graphSettings: GraphSettingsSchema.optional(),
    inventory: z.strictObject({
      snapshots: z.array(SnapshotSchema),
      resources: z.array(BundleResourceSchema),
      findings: z.array(FindingSchema),
    }),
    risks: z.array(RiskSchema),
    contentPack: z.strictObject({ id: z.string().min(1), version: z.string().min(1) }),
  })
  .superRefine((b, ctx) => {
    if (b.contentPack.id !== b.assessment.packId || b.contentPack.version !== b.assessment.packVersion)
      ctx.addIssue({ code: 'custom', path: ['contentPack'], message: 'contentPack must match assessment.packId / packVersion' });
    const snapshots = new Set(b.inventory.snapshots.map((s) => s.id));
    b.inventory.resources.forEach((r, i) => {
      if (!snapshots.has(r.snapshotId)) ctx.addIssue({ code: 'custom', path: ['inventory', 'resources', i, 'snapshotId'], message: `unknown snapshot '${r.snapshotId}'` });
    });
    const riskIds = new Set<string>();
    b.risks.forEach((r, i) => {
      if (riskIds.has(r.id)) ctx.addIssue({ code: 'custom', path: ['risks', i, 'id'], message: `duplicate risk id '${r.id}'` });
      riskIds.add(r.id);
    });
    reportDuplicates(b.businessServices ?? [], (s) => s.id, ['businessServices'], 'business service id', ctx);
    reportDuplicates(b.providerWorksheets ?? [], (w) => w.provider, ['providerWorksheets'], 'worksheet provider', ctx);
  });

/** Adds an issue for each item whose key an earlier item already used. */
function reportDuplicates<T>(items: readonly T[], key: (item: T) => string, path: string[], what: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `duplicate ${what} '${k}'` });
    seen.add(k);
  });
}
export type AssessmentBundle = z.infer<typeof AssessmentBundleSchema>;

/** Parses a bundle; on failure returns every problem with its JSON path, and no data. */
export function parseBundle(data: unknown): { ok: true; bundle: AssessmentBundle } | { ok: false; errors: { path: string; message: string }[] } {
  const r = AssessmentBundleSchema.safeParse(data);
  if (r.success) return { ok: true, bundle: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, ''), message: i.message })),
  };
}

/**
 * What a stored resource is made of: the normalised columns and the Resource Graph row as
 * read (`raw`). An engine `Resource` is one; so is a database record with its row.
 */
export type ResourceColumnsAndRow = Pick<Resource, 'id' | 'name' | 'type' | 'subscriptionId' | 'resourceGroup' | 'location' | 'serviceModel' | 'raw'> & {
  tenantId?: string | null | undefined;
};

/** Converts a resource to its stored form (the one conversion for the CLI, the app and the demo). */
export function toBundleResource(r: ResourceColumnsAndRow, snapshotId: string): BundleResource {
  const out: BundleResource = {
    id: r.id,
    name: r.name,
    type: r.type,
    subscriptionId: r.subscriptionId,
    resourceGroup: r.resourceGroup,
    location: r.location,
    serviceModel: r.serviceModel,
    snapshotId,
    row: r.raw,
  };
  if (typeof r.tenantId === 'string') out.tenantId = r.tenantId;
  return out;
}

/** Converts a stored resource back to the engine's form. */
export function fromBundleResource(r: BundleResource): Resource {
  const out: Resource = {
    id: r.id,
    name: r.name,
    type: r.type,
    subscriptionId: r.subscriptionId,
    resourceGroup: r.resourceGroup,
    location: r.location,
    serviceModel: r.serviceModel,
    properties: r.row.properties ?? null,
    raw: r.row,
  };
  if (r.tenantId !== undefined) out.tenantId = r.tenantId;
  return out;
}

