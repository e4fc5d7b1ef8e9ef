/**
 * Inventory snapshots. A snapshot is written once and never modified afterwards (a pull in
 * progress only appends). IndexedDB's cost is per record (~3-4k records/s here), so a
 * snapshot is stored in chunks of {@link CHUNK_SIZE} resources: the queryable columns
 * (`resourceIndex`), the raw Resource Graph rows (`resourceChunks`) and the findings
 * (`findingChunks`). The UI reads the columns (small) and filters in memory; a raw row or a
 * resource's findings are read from their chunk when asked for.
 */
import Dexie from 'dexie';
import type { Finding } from '../../core/checks/run-checks';
import type { Resource } from '../../core/inventory/normalise';
import { isGraphSnapshot, type DemarcDatabase, type FindingChunkRecord, type FindingRecord, type ResourceChunkRecord, type ResourceIndexChunk, type ResourceRecord, type SnapshotRecord } from './database';

export const CHUNK_SIZE = 500;
/** The chunk of findings on resources that are not in the inventory (subscription-level checks). */
const LOOSE = -1;

export function findingRecords(snapshotId: string, findings: readonly Finding[]): FindingRecord[] {
  return findings.map((f) => ({ snapshotId, ...f, resourceKey: f.resourceId.toLowerCase() }));
}

function failingChecksByResource(findings: readonly FindingRecord[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) {
    if (f.status !== 'fail') continue;
    const list = out.get(f.resourceKey);
    if (list) list.push(f.checkId);
    else out.set(f.resourceKey, [f.checkId]);
  }
  return out;
}

export function failingByResource(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (f.status === 'fail') out.set(f.resourceId.toLowerCase(), (out.get(f.resourceId.toLowerCase()) ?? 0) + 1);
  return out;
}

export interface SnapshotChunks {
  index: ResourceIndexChunk[];
  raw: ResourceChunkRecord[];
  findings: FindingChunkRecord[];
}

/** Chunk records for resources (from `firstChunk` on, for a streaming pull) and their findings. */
export function buildChunks(snapshotId: string, resources: readonly Resource[], firstChunk: number, findings: readonly FindingRecord[] = []): SnapshotChunks {
  const failing = failingChecksByResource(findings);
  const chunkOf = new Map<string, number>();
  const out: SnapshotChunks = { index: [], raw: [], findings: [] };
  for (let i = 0; i < resources.length; i += CHUNK_SIZE) {
    const chunk = firstChunk + i / CHUNK_SIZE;
    const slice = resources.slice(i, i + CHUNK_SIZE);
    out.raw.push({ snapshotId, chunk, rows: slice.map((r) => r.raw) });
    const keys = slice.map((r) => r.id.toLowerCase());
    keys.forEach((k) => chunkOf.set(k, chunk));
    out.index.push({
      snapshotId,
      chunk,
      ids: slice.map((r) => r.id),
      names: slice.map((r) => r.name),
      types: slice.map((r) => r.type),
      subscriptionIds: slice.map((r) => r.subscriptionId),
      resourceGroups: slice.map((r) => r.resourceGroup),
      locations: slice.map((r) => r.location),
      serviceModels: slice.map((r) => r.serviceModel),
      tenantIds: slice.map((r) => r.tenantId ?? null),
      failingChecks: keys.map((k) => failing.get(k) ?? []),
    });
  }
  out.findings = groupFindings(snapshotId, findings, (key) => chunkOf.get(key));
  return out;
}

function groupFindings(snapshotId: string, findings: readonly FindingRecord[], chunkOf: (key: string) => number | undefined): FindingChunkRecord[] {
  const byChunk = new Map<number, FindingRecord[]>();
  for (const f of findings) {
    const chunk = chunkOf(f.resourceKey) ?? LOOSE;
    const list = byChunk.get(chunk);
    if (list) list.push(f);
    else byChunk.set(chunk, [f]);
  }
  return [...byChunk.entries()].map(([chunk, list]) => ({ snapshotId, chunk, findings: list }));
}

/** Resources of index chunks, as in-memory records (in stored order). */
export function recordsOfIndex(chunks: readonly ResourceIndexChunk[]): ResourceRecord[] {
  const out: ResourceRecord[] = [];
  for (const c of [...chunks].sort((a, b) => a.chunk - b.chunk)) {
    for (let i = 0; i < c.ids.length; i++) {
      const failingChecks = c.failingChecks[i] ?? [];
      out.push({
        snapshotId: c.snapshotId,
        id: c.ids[i]!,
        key: c.ids[i]!.toLowerCase(),
        name: c.names[i]!,
        type: c.types[i]!,
        subscriptionId: c.subscriptionIds[i]!,
        resourceGroup: c.resourceGroups[i]!,
        location: c.locations[i]!,
        serviceModel: c.serviceModels[i]!,
        tenantId: c.tenantIds[i] ?? null,
        failing: failingChecks.length,
        failingChecks,
        chunk: c.chunk,
      });
    }
  }
  return out;
}

/** Writes chunks (inside a transaction over the three chunk tables). */
export async function putChunks(db: DemarcDatabase, chunks: SnapshotChunks): Promise<void> {
  await db.resourceChunks.bulkPut(chunks.raw);
  await db.resourceIndex.bulkPut(chunks.index);
  await db.findingChunks.bulkPut(chunks.findings);
}

/** Writes a whole snapshot (metadata, columns, raw rows, findings) in one transaction. */
export async function storeSnapshot(db: DemarcDatabase, snapshot: SnapshotRecord, resources: readonly Resource[], findings: readonly Finding[]): Promise<void> {
  const chunks = buildChunks(snapshot.id, resources, 0, findingRecords(snapshot.id, findings));
  await db.transaction('rw', [db.snapshots, db.resourceIndex, db.resourceChunks, db.findingChunks], async () => {
    if (await db.snapshots.get(snapshot.id)) throw new Error('A snapshot is never overwritten.');
    await db.snapshots.add(snapshot);
    await putChunks(db, chunks);
  });
}

const range = (snapshotId: string): [unknown[], unknown[]] => [
  [snapshotId, Dexie.minKey],
  [snapshotId, Dexie.maxKey],
];

/** Deletes the stored data of a snapshot (inside a transaction over the chunk tables). */
export async function deleteSnapshotData(db: DemarcDatabase, snapshotId: string): Promise<void> {
  const [low, high] = range(snapshotId);
  await db.resourceIndex.where('[snapshotId+chunk]').between(low, high, true, true).delete();
  await db.resourceChunks.where('[snapshotId+chunk]').between(low, high, true, true).delete();
  await db.findingChunks.where('[snapshotId+chunk]').between(low, high, true, true).delete();
}

export function listSnapshots(db: DemarcDatabase, assessmentId: string): Promise<SnapshotRecord[]> {
  return db.snapshots.where('assessmentId').equals(assessmentId).reverse().sortBy('takenAt');
}

export async function readIndexChunks(db: DemarcDatabase, snapshotId: string): Promise<ResourceIndexChunk[]> {
  const [low, high] = range(snapshotId);
  return db.resourceIndex.where('[snapshotId+chunk]').between(low, high, true, true).toArray();
}

export async function readRawChunks(db: DemarcDatabase, snapshotId: string): Promise<ResourceChunkRecord[]> {
  const [low, high] = range(snapshotId);
  return db.resourceChunks.where('[snapshotId+chunk]').between(low, high, true, true).toArray();
}

/** The queryable columns of every resource of a snapshot (never the raw rows). */
export async function readResources(db: DemarcDatabase, snapshotId: string): Promise<ResourceRecord[]> {
  return recordsOfIndex(await readIndexChunks(db, snapshotId));
}

export async function readFindings(db: DemarcDatabase, snapshotId: string): Promise<FindingRecord[]> {
  const [low, high] = range(snapshotId);
  return (await db.findingChunks.where('[snapshotId+chunk]').between(low, high, true, true).toArray()).flatMap((c) => c.findings);
}

/** Every raw row of a snapshot, in stored order. */
export async function snapshotRows(db: DemarcDatabase, snapshotId: string): Promise<Record<string, unknown>[]> {
  return (await readRawChunks(db, snapshotId)).flatMap((c) => c.rows);
}

export interface ResourceFilter {
  type: string | null;
  subscriptionId: string | null;
  serviceModel: string | null;
  failingCheck: string | null;
  text: string;
}

export const NO_RESOURCE_FILTER: ResourceFilter = { type: null, subscriptionId: null, serviceModel: null, failingCheck: null, text: '' };

/** The resources matching a filter, sorted by id (in memory: the columns are small). */
export function filterResources(resources: readonly ResourceRecord[], filter: ResourceFilter): ResourceRecord[] {
  const text = filter.text.trim().toLowerCase();
  return resources
    .filter(
      (r) =>
        (!filter.type || r.type === filter.type) &&
        (!filter.subscriptionId || r.subscriptionId === filter.subscriptionId) &&
        (!filter.serviceModel || r.serviceModel === filter.serviceModel) &&
        (!filter.failingCheck || r.failingChecks.includes(filter.failingCheck)) &&
        (!text || r.key.includes(text) || r.name.toLowerCase().includes(text)),
    )
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Distinct values for the filter menus. */
export function facetsOf(resources: readonly ResourceRecord[]) {
  const sorted = (values: Iterable<string>) => [...new Set(values)].filter(Boolean).sort();
  return {
    types: sorted(resources.map((r) => r.type)),
    subscriptions: sorted(resources.map((r) => r.subscriptionId)),
    models: sorted(resources.map((r) => r.serviceModel)),
    checks: sorted(resources.flatMap((r) => r.failingChecks)),
  };
}

export async function findingsForResource(db: DemarcDatabase, resource: ResourceRecord): Promise<FindingRecord[]> {
  const chunk = await db.findingChunks.get([resource.snapshotId, resource.chunk]);
  return (chunk?.findings ?? []).filter((f) => f.resourceKey === resource.key);
}

export async function failingFindings(db: DemarcDatabase, snapshotId: string): Promise<FindingRecord[]> {
  return (await readFindings(db, snapshotId)).filter((f) => f.status === 'fail');
}

/** Records the findings of a pulled snapshot once its pages are stored (the snapshot is still being built). */
export async function storePullFindings(db: DemarcDatabase, snapshotId: string, findings: readonly FindingRecord[]): Promise<void> {
  const index = await readIndexChunks(db, snapshotId);
  const failing = failingChecksByResource(findings);
  const chunkOf = new Map<string, number>();
  for (const c of index) c.ids.forEach((id) => chunkOf.set(id.toLowerCase(), c.chunk));
  const updated = index.map((c) => ({ ...c, failingChecks: c.ids.map((id) => failing.get(id.toLowerCase()) ?? []) }));
  await db.resourceIndex.bulkPut(updated);
  await db.findingChunks.bulkPut(groupFindings(snapshotId, findings, (key) => chunkOf.get(key)));
}

/** Replaces every finding of a snapshot (its checks re-run): chunks left without findings go too. */
export async function replaceFindings(db: DemarcDatabase, snapshotId: string, findings: readonly FindingRecord[]): Promise<void> {
  const [low, high] = range(snapshotId);
  await db.findingChunks.where('[snapshotId+chunk]').between(low, high, true, true).delete();
  await storePullFindings(db, snapshotId, findings);
}

const usable = (s: SnapshotRecord) => s.status === 'complete' || s.status === 'partial';

/** The Resource Graph snapshot risks are derived from: the newest one that is not cancelled or still running. */
export async function activeSnapshot(db: DemarcDatabase, assessmentId: string): Promise<SnapshotRecord | undefined> {
  const all = await listSnapshots(db, assessmentId);
  return all.find((s) => usable(s) && !isGraphSnapshot(s));
}

/** The Microsoft Graph snapshot risks are derived from (with {@link activeSnapshot}'s): the newest one. */
export async function activeGraphSnapshot(db: DemarcDatabase, assessmentId: string): Promise<SnapshotRecord | undefined> {
  return activeGraphOf(await listSnapshots(db, assessmentId));
}

/** {@link activeGraphSnapshot} of snapshots already read (newest first, as {@link listSnapshots} gives them). */
export function activeGraphOf(newestFirst: readonly SnapshotRecord[]): SnapshotRecord | undefined {
  return newestFirst.find((s) => usable(s) && isGraphSnapshot(s));
}

/** Chunks of one snapshot from in-memory records (a dump being written back), keeping the stored chunking. */
export function buildChunksFromRecords(
  snapshotId: string,
  dump: { resources: readonly ResourceRecord[]; chunks: readonly ResourceChunkRecord[]; findings: readonly FindingRecord[] },
): SnapshotChunks {
  const resources = dump.resources.filter((r) => r.snapshotId === snapshotId);
  const byChunk = new Map<number, ResourceRecord[]>();
  for (const r of resources) {
    const list = byChunk.get(r.chunk);
    if (list) list.push(r);
    else byChunk.set(r.chunk, [r]);
  }
  const index: ResourceIndexChunk[] = [...byChunk.entries()].map(([chunk, list]) => ({
    snapshotId,
    chunk,
    ids: list.map((r) => r.id),
    names: list.map((r) => r.name),
    types: list.map((r) => r.type),
    subscriptionIds: list.map((r) => r.subscriptionId),
    resourceGroups: list.map((r) => r.resourceGroup),
    locations: list.map((r) => r.location),
    serviceModels: list.map((r) => r.serviceModel),
    tenantIds: list.map((r) => r.tenantId),
    failingChecks: list.map((r) => [...r.failingChecks]),
  }));
  const chunkOf = new Map(resources.map((r) => [r.key, r.chunk]));
  return {
    index,
    raw: dump.chunks.filter((c) => c.snapshotId === snapshotId),
    findings: groupFindings(
      snapshotId,
      dump.findings.filter((f) => f.snapshotId === snapshotId),
      (key) => chunkOf.get(key),
    ),
  };
}
