/**
 * zod schemas for what Resource Graph sends back (untrusted) and for what a pull hands
 * to the rest of Demarc (progress events, snapshot metadata). None of the outgoing shapes
 * has a token or secret field; a unit test walks them.
 */
import { z } from 'zod';
import { DISCOVERY_QUERY_IDS, INVENTORY_QUERY_IDS } from './query-catalogue';

/** Largest page Resource Graph may return and that Demarc asks for. */
export const MAX_PAGE_SIZE = 1000;
/** Most subscriptions Resource Graph accepts in one request. */
export const MAX_SUBSCRIPTIONS_PER_REQUEST = 100;

/** One row of an `objectArray` result. Rows of inventory queries carry a string `id`. */
export const argRowSchema = z.record(z.string(), z.unknown());
export type ArgRow = Record<string, unknown>;

/**
 * A `200` page body (REST shape: note `$skipToken`). Unknown extra fields are tolerated,
 * missing or mistyped required fields are not.
 */
export const queryResponsePageSchema = z
  .object({
    totalRecords: z.number().int().nonnegative(),
    count: z.number().int().nonnegative(),
    resultTruncated: z.enum(['true', 'false']),
    $skipToken: z.string().min(1).max(16_384).optional(),
    data: z.array(argRowSchema),
    facets: z.array(z.unknown()).optional(),
  })
  .refine((page) => page.count === page.data.length, {
    message: 'count does not match the number of rows',
    path: ['count'],
  });
export type QueryResponsePage = z.infer<typeof queryResponsePageSchema>;

/** ARM error body (`{error: {code, message}}`), tolerant of missing parts. */
export const armErrorBodySchema = z.object({
  error: z
    .object({
      code: z.string().max(200).optional(),
      message: z.string().optional(),
    })
    .optional(),
});

const inventoryQueryIdSchema = z.enum([...INVENTORY_QUERY_IDS, ...DISCOVERY_QUERY_IDS]);

/** Where a per-scope error happened. */
export const pullScopeSchema = z.strictObject({
  subscriptions: z.array(z.string()).optional(),
  managementGroups: z.array(z.string()).optional(),
});
export type PullScope = z.infer<typeof pullScopeSchema>;

/** Machine codes of per-scope errors. */
export const pullErrorCodeSchema = z.enum([
  'authentication-failed',
  'forbidden',
  'bad-request',
  'throttled',
  'server-error',
  'connection-failed',
  'malformed-response',
  'result-truncated',
  'http-error',
]);
export type PullErrorCode = z.infer<typeof pullErrorCodeSchema>;

/** A query over a scope that did not finish. Messages are redacted. */
export const pullScopeErrorSchema = z.strictObject({
  queryId: inventoryQueryIdSchema,
  table: z.string(),
  scope: pullScopeSchema,
  code: pullErrorCodeSchema,
  message: z.string(),
  httpStatus: z.number().int().optional(),
  /** Azure's own error code (e.g. `AuthorizationFailed`), when it sent one. */
  azureCode: z.string().optional(),
  /** Rows of this query and scope that did arrive (they are kept in the snapshot). */
  rowsReceived: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
});
export type PullScopeError = z.infer<typeof pullScopeErrorSchema>;

export const snapshotStatusSchema = z.enum(['complete', 'partial', 'cancelled']);
export type SnapshotStatus = z.infer<typeof snapshotStatusSchema>;

/** Per-query totals in a snapshot. */
export const snapshotQueryStatsSchema = z.strictObject({
  queryId: inventoryQueryIdSchema,
  table: z.string(),
  status: z.enum(['complete', 'partial', 'cancelled', 'not-started']),
  rows: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  /** Rows dropped because the same `id` arrived twice. */
  duplicatesDropped: z.number().int().nonnegative(),
});
export type SnapshotQueryStats = z.infer<typeof snapshotQueryStatsSchema>;

/** Everything about a snapshot except its rows (what goes in `demarcSnapshot` of a file). */
export const snapshotMetaSchema = z.strictObject({
  format: z.literal('demarc-inventory-snapshot'),
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  status: snapshotStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string(),
  cloud: z.strictObject({ name: z.string(), armEndpoint: z.string() }),
  scope: z.strictObject({ subscriptions: z.array(z.string()), managementGroups: z.array(z.string()) }),
  queries: z.array(snapshotQueryStatsSchema),
  totals: z.strictObject({
    rows: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative(),
    requests: z.number().int().nonnegative(),
    retries: z.number().int().nonnegative(),
    pacedMs: z.number().nonnegative(),
  }),
  errors: z.array(pullScopeErrorSchema),
});
export type SnapshotMeta = z.infer<typeof snapshotMetaSchema>;

/** Progress of a running pull. Sent to the renderer as is. */
export const pullProgressEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('started'),
    snapshotId: z.string(),
    queries: z.array(inventoryQueryIdSchema),
    /** Requests of first pages (query × scope batch): the least work there is. */
    units: z.number().int().nonnegative(),
  }),
  z.strictObject({
    kind: z.literal('page'),
    queryId: inventoryQueryIdSchema,
    table: z.string(),
    /** 1-based page number within this query and scope batch. */
    page: z.number().int().positive(),
    rowsInPage: z.number().int().nonnegative(),
    /** Rows of this query so far, all batches. */
    queryRows: z.number().int().nonnegative(),
    /** Rows of the whole pull so far. */
    totalRows: z.number().int().nonnegative(),
    /** Pages of the whole pull so far. */
    totalPages: z.number().int().nonnegative(),
    /** Pages still expected (from `totalRecords` where known, 1 per unstarted unit otherwise). */
    pagesRemaining: z.number().int().nonnegative(),
    /** Seconds left at the observed page rate; null until there is a rate. */
    estimatedSecondsLeft: z.number().nonnegative().nullable(),
  }),
  z.strictObject({
    kind: z.literal('retrying'),
    queryId: inventoryQueryIdSchema,
    reason: z.enum(['throttled', 'server-error', 'connection', 'malformed-response', 'authentication']),
    attempt: z.number().int().positive(),
    delayMs: z.number().nonnegative(),
    httpStatus: z.number().int().optional(),
  }),
  z.strictObject({
    kind: z.literal('paced'),
    /** How long the pull waits to stay under the Resource Graph quota. */
    delayMs: z.number().nonnegative(),
    quotaRemaining: z.number().int(),
  }),
  z.strictObject({ kind: z.literal('scope-failed'), error: pullScopeErrorSchema }),
  z.strictObject({
    kind: z.literal('finished'),
    status: snapshotStatusSchema,
    totalRows: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
  }),
]);
export type PullProgressEvent = z.infer<typeof pullProgressEventSchema>;
