/**
 * The Graph snapshot: what one pull (or one import of saved responses) saw of a tenant.
 * Frozen after it is built, timestamped, scoped to one tenant. Rows carry the collection's
 * `type` (e.g. `microsoft.graph/users`), the Graph object's `id` and the object as Graph
 * returned it; collections Graph refused for lack of a licence or permission are listed in
 * `gaps` with Graph's own error code and message.
 *
 * File shape: `{demarcGraphSnapshot: {...meta}, data: [...rows]}` (the Resource Graph
 * inventory file uses `{demarcSnapshot, data}`; the different key tells them apart).
 */
import { z } from 'zod';
import { deepFreeze } from '../azure/snapshot';
import { GRAPH_COLLECTION_IDS, graphCollection, type GraphCollectionId } from './collections';

export const GRAPH_SNAPSHOT_SCHEMA_VERSION = 1;

const collectionIdSchema = z.enum(GRAPH_COLLECTION_IDS);
const isoTime = z.iso.datetime({ offset: true });

/** One Graph object. `object` is Graph's JSON, kept as is (untrusted; checks read it defensively). */
export const graphRowSchema = z.strictObject({
  type: z.string().regex(/^microsoft\.graph\/[a-z]+$/, 'a type such as microsoft.graph/users'),
  id: z.string().min(1),
  object: z.record(z.string(), z.unknown()),
});
export type GraphRow = z.infer<typeof graphRowSchema>;

/** Why a gap: licence, permission, not available in this cloud/tenant, or not provided (import). */
export const graphGapKindSchema = z.enum(['licence', 'permission', 'not-available', 'not-provided']);
export type GraphGapKind = z.infer<typeof graphGapKindSchema>;

export const graphGapSchema = z.strictObject({
  collection: collectionIdSchema,
  type: z.string(),
  kind: graphGapKindSchema,
  /** HTTP status Graph answered with; null when nothing was requested (import without the file). */
  httpStatus: z.number().int().nullable(),
  /** Graph's error code, e.g. `Authorization_RequestDenied`, `AadPremiumLicenseRequired`. */
  code: z.string(),
  /** Graph's error message (redacted of tokens). */
  message: z.string(),
});
export type GraphGap = z.infer<typeof graphGapSchema>;

export const graphCollectionResultSchema = z.strictObject({
  collection: collectionIdSchema,
  type: z.string(),
  status: z.enum(['complete', 'gap']),
  rows: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
});
export type GraphCollectionResult = z.infer<typeof graphCollectionResultSchema>;

export const graphSnapshotMetaSchema = z.strictObject({
  schemaVersion: z.literal(GRAPH_SNAPSHOT_SCHEMA_VERSION),
  source: z.enum(['pull', 'import']),
  tenantId: z.string().min(1),
  tenantName: z.string().nullable(),
  cloud: z.string(),
  graphEndpoint: z.string(),
  startedAt: isoTime,
  capturedAt: isoTime,
  collections: z.array(graphCollectionResultSchema),
  gaps: z.array(graphGapSchema),
});
export type GraphSnapshotMeta = z.infer<typeof graphSnapshotMetaSchema>;

export const graphSnapshotFileSchema = z
  .strictObject({
    demarcGraphSnapshot: graphSnapshotMetaSchema,
    data: z.array(graphRowSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.data.forEach((row, i) => {
      const key = `${row.type}|${row.id}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['data', i, 'id'], message: `duplicate ${row.type} id ${row.id}` });
      seen.add(key);
    });
  });
export type GraphSnapshotFile = z.infer<typeof graphSnapshotFileSchema>;

/** A snapshot in memory: the file's content, deeply frozen. */
export type GraphSnapshot = Readonly<GraphSnapshotFile>;

/**
 * The row id of a Graph object: its `id`. Singletons without one (older payloads) get the
 * collection id, so a tenant-wide setting still has one stable row.
 */
export function graphRowId(collection: GraphCollectionId, object: Record<string, unknown>): string | undefined {
  if (typeof object.id === 'string' && object.id !== '') return object.id;
  return graphCollection(collection).shape === 'singleton' ? collection : undefined;
}

/** Builds a row for an object of `collection`; undefined when a list object has no id. */
export function toGraphRow(collection: GraphCollectionId, object: Record<string, unknown>): GraphRow | undefined {
  const id = graphRowId(collection, object);
  return id === undefined ? undefined : { type: graphCollection(collection).type, id, object };
}

/** Validates and freezes a snapshot read from a file; throws zod's error with paths. */
export function parseGraphSnapshot(value: unknown): GraphSnapshot {
  return deepFreeze(graphSnapshotFileSchema.parse(value));
}

/** True when `value` looks like a Graph snapshot file (to tell it from a Resource Graph inventory). */
export function isGraphSnapshotFile(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'demarcGraphSnapshot' in value;
}

/** Rows of one collection (by type), in file order. */
export function rowsOf(snapshot: GraphSnapshot, collection: GraphCollectionId): GraphRow[] {
  const t = graphCollection(collection).type;
  return snapshot.data.filter((r) => r.type === t);
}

/** The gap recorded for `collection`, if any. */
export function gapOf(snapshot: GraphSnapshot, collection: GraphCollectionId): GraphGap | undefined {
  return snapshot.demarcGraphSnapshot.gaps.find((g) => g.collection === collection);
}
