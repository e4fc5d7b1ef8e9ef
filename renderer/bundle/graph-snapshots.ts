/**
 * Microsoft Graph snapshots in the app: a Graph snapshot (core/graph/snapshot.ts) becomes a
 * snapshot record, its objects rows like resources (type `microsoft.graph/…`, the object's
 * id), its check results findings like Resource Graph ones; and both ways to the bundle,
 * which keeps a Graph snapshot's findings, gaps and checks not assessed but not its objects
 * (users' names are personal data: core/bundle/schema.ts). Pure functions.
 */
import type { BundleSnapshot } from '../../core/bundle/schema';
import type { Finding } from '../../core/checks/run-checks';
import type { ContentPack } from '../../core/content/types';
import { isGraphCheck } from '../../core/content/schemas';
import { runGraphChecks, type GraphCheckRun } from '../../core/graph/checks/run-graph-checks';
import { NotAssessedError, TenantView, type GraphCheckSettings } from '../../core/graph/checks/tenant-view';
import { namedAccountStatus, type NamedAccountStatus } from '../../core/graph/checks/break-glass';
import { graphCollection } from '../../core/graph/collections';
import type { GraphGap, GraphRow, GraphSnapshot } from '../../core/graph/snapshot';
import type { Resource } from '../../core/inventory/normalise';
import { isGraphSnapshot, type FindingRecord, type SnapshotRecord } from '../db/database';


/** What a Graph pull's snapshot is called in the Inventory (after the source, "Microsoft Graph pull"). */
export const GRAPH_PULL_LABEL = 'Entra ID and Microsoft 365';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** What a Graph object is called in the inventory table: its display name, sign-in name, or id. */
export function graphObjectName(object: Readonly<Record<string, unknown>>, id: string): string {
  const principal = typeof object.principal === 'object' && object.principal !== null ? (object.principal as Record<string, unknown>) : {};
  return text(object.displayName) ?? text(object.userPrincipalName) ?? text(principal.displayName) ?? id;
}

/**
 * The snapshot's objects as inventory rows. The raw row is the snapshot row itself
 * (`{type, id, object}`), so the snapshot can be rebuilt from what is stored.
 */
export function graphResources(snapshot: GraphSnapshot): Resource[] {
  const tenantId = snapshot.demarcGraphSnapshot.tenantId;
  return snapshot.data.map((row) => ({
    id: row.id,
    name: graphObjectName(row.object, row.id),
    type: row.type,
    subscriptionId: '',
    resourceGroup: '',
    location: '',
    tenantId,
    serviceModel: 'saas',
    properties: row.object,
    raw: { type: row.type, id: row.id, object: row.object },
  }));
}

/** Runs the pack's Graph checks (those the pack registers) over a snapshot. */
export function graphCheckRun(snapshot: GraphSnapshot, pack: ContentPack, matrixId: string, settings: GraphCheckSettings = {}): GraphCheckRun {
  const matrix = pack.matrices.get(matrixId) ?? pack.matrices.get(pack.header.defaultMatrix);
  if (!matrix) throw new Error(`The content pack has no responsibility matrix '${matrixId}'.`);
  const registered = new Set(pack.checks.filter(isGraphCheck).map((c) => c.id));
  const run = runGraphChecks(snapshot, { matrix, settings, includeNotApplicable: false });
  return { findings: run.findings.filter((f) => registered.has(f.checkId)), notAssessed: run.notAssessed.filter((n) => registered.has(n.checkId)) };
}

/** The named emergency access accounts as the snapshot shows them; undefined when none are named or users / role assignments were not read. */
export function namedAccountsOf(snapshot: GraphSnapshot, settings: GraphCheckSettings): NamedAccountStatus[] | undefined {
  if ((settings.breakGlassAccounts ?? []).length === 0) return undefined;
  try {
    return namedAccountStatus(new TenantView(snapshot, settings));
  } catch (error) {
    if (error instanceof NotAssessedError) return undefined;
    throw error;
  }
}

/**
 * The Graph snapshot a stored record and its raw rows were made from (rows are stored as the
 * snapshot's own `{type, id, object}`), to re-run the checks when the consultant's settings
 * change. Null for a snapshot read from a bundle, which never carries Graph objects.
 */
export function graphSnapshotOfRecord(record: SnapshotRecord, rows: readonly Record<string, unknown>[]): GraphSnapshot | null {
  const graph = record.graph;
  if (!graph || graph.collections.length === 0) return null;
  const data = rows.filter((r): r is GraphRow => typeof r.type === 'string' && typeof r.id === 'string' && typeof r.object === 'object' && r.object !== null);
  return {
    demarcGraphSnapshot: {
      schemaVersion: 1,
      source: record.source === 'graph-pull' ? 'pull' : 'import',
      tenantId: graph.tenantId,
      tenantName: graph.tenantName,
      cloud: graph.cloud ?? '',
      // not kept on the record, and no check reads them
      graphEndpoint: '',
      startedAt: record.takenAt,
      capturedAt: record.takenAt,
      collections: graph.collections,
      gaps: graph.gaps,
    },
    data,
  };
}

/** A gap as a snapshot error line: the collection, and Graph's status, code and message. */
export function gapError(g: GraphGap): { scope: string; message: string } {
  return { scope: g.collection, message: `${g.kind}: HTTP ${g.httpStatus ?? '-'} ${g.code}: ${g.message}` };
}

/** Distinct objects with at least one failing finding. */
export function failingObjects(findings: readonly Pick<Finding, 'status' | 'resourceId'>[]): number {
  return new Set(findings.filter((f) => f.status === 'fail').map((f) => f.resourceId.toLowerCase())).size;
}

/** The snapshot record of a Graph snapshot pulled or imported into an assessment. */
export function graphSnapshotRecord(input: { id: string; assessmentId: string; snapshot: GraphSnapshot; run: GraphCheckRun; label: string; namedAccounts?: NamedAccountStatus[] | undefined }): SnapshotRecord {
  const meta = input.snapshot.demarcGraphSnapshot;
  return {
    id: input.id,
    assessmentId: input.assessmentId,
    source: meta.source === 'pull' ? 'graph-pull' : 'graph-import',
    takenAt: meta.capturedAt,
    status: 'complete',
    label: input.label,
    format: null,
    subscriptions: [],
    managementGroups: [],
    resourceCount: input.snapshot.data.length,
    failingCount: failingObjects(input.run.findings),
    findingCount: input.run.findings.length,
    errors: meta.gaps.map(gapError),
    queries: meta.collections.map((c) => c.collection),
    graph: {
      tenantId: meta.tenantId,
      tenantName: meta.tenantName,
      cloud: meta.cloud,
      collections: meta.collections.map((c) => ({ ...c })),
      gaps: meta.gaps.map((g) => ({ ...g })),
      notAssessed: input.run.notAssessed.map((n) => ({ checkId: n.checkId, reason: n.reason })),
      ...(input.namedAccounts ? { namedAccounts: input.namedAccounts } : {}),
    },
  };
}

/** The bundle's entry for a Graph snapshot record: tenant, gaps, checks not assessed; no objects. */
export function graphBundleSnapshot(s: SnapshotRecord): BundleSnapshot {
  const graph = s.graph;
  const out: BundleSnapshot = { id: s.id, takenAt: s.takenAt, source: s.source === 'graph-pull' ? 'graph-pull' : 'graph-import', rowCount: s.resourceCount, subscriptions: [] };
  // a pull has no file: its label is the app's own
  if (s.source === 'graph-import' && s.label) out.fileName = s.label;
  if (!graph) return out;
  out.tenantId = graph.tenantId;
  out.notAssessed = graph.notAssessed.map((n) => ({ ...n }));
  if (graph.gaps.length > 0) out.gaps = graph.gaps.map((g) => ({ ...g }));
  return out;
}

/** Bundle findings, each with its Graph snapshot's id when it came from one. */
export function bundleFindings(snapshots: readonly SnapshotRecord[], findings: readonly FindingRecord[]) {
  const graph = new Set(snapshots.filter(isGraphSnapshot).map((s) => s.id));
  return findings.map(({ snapshotId, resourceKey: _k, ...f }) => (graph.has(snapshotId) ? { ...f, snapshotId } : f));
}

/**
 * The Graph findings of a bundle snapshot: those naming it, and (bundles written before
 * findings named their Graph snapshot, e.g. by `demarc assess`) the findings of Graph checks
 * naming no snapshot, given to the newest Graph snapshot.
 */
export function graphFindingsOf(
  snapshot: BundleSnapshot,
  all: { snapshots: readonly BundleSnapshot[]; findings: readonly (Finding & { snapshotId?: string | undefined })[] },
  pack: ContentPack,
): Finding[] {
  const graphChecks = new Set(pack.checks.filter(isGraphCheck).map((c) => c.id));
  const newest = [...all.snapshots].filter((s) => s.source === 'graph-pull' || s.source === 'graph-import').sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1))[0];
  return all.findings
    .filter((f) => f.snapshotId === snapshot.id || (f.snapshotId === undefined && newest?.id === snapshot.id && graphChecks.has(f.checkId)))
    .map(({ snapshotId: _s, ...f }) => f);
}

const GRAPH_ORGANIZATION_TYPE = graphCollection('organization').type;

/**
 * The tenant's display name as the snapshot's findings on the tenant itself (its organization
 * object) recorded it; null when none did. A bundle keeps no Graph objects, but the tenant-wide
 * checks name the organization they judged.
 */
export function tenantNameOfFindings(tenantId: string, findings: readonly Pick<Finding, 'resourceId' | 'resourceName' | 'resourceType'>[]): string | null {
  const id = tenantId.toLowerCase();
  const named = findings.find((f) => f.resourceType === GRAPH_ORGANIZATION_TYPE && f.resourceId.toLowerCase() === id && f.resourceName.trim() !== '' && f.resourceName.toLowerCase() !== id);
  return named?.resourceName ?? null;
}

/** The record of a Graph snapshot read back from a bundle (its findings are stored; its objects were never exported). */
export function graphRecordFromBundle(s: BundleSnapshot, assessmentId: string, findings: readonly Pick<Finding, 'status' | 'resourceId' | 'resourceName' | 'resourceType'>[]): SnapshotRecord {
  const gaps = s.gaps ?? [];
  return {
    id: s.id,
    assessmentId,
    source: s.source === 'graph-pull' ? 'graph-pull' : 'graph-import',
    takenAt: s.takenAt,
    status: 'complete',
    label: s.fileName ?? (s.source === 'graph-pull' ? GRAPH_PULL_LABEL : 'Microsoft Graph import'),
    format: null,
    subscriptions: [],
    managementGroups: [],
    resourceCount: s.rowCount,
    failingCount: failingObjects(findings),
    findingCount: findings.length,
    errors: gaps.map(gapError),
    queries: [],
    graph: { tenantId: s.tenantId ?? '', tenantName: tenantNameOfFindings(s.tenantId ?? '', findings), cloud: null, collections: [], gaps: gaps.map((g) => ({ ...g })), notAssessed: (s.notAssessed ?? []).map((n) => ({ ...n })) },
  };
}
