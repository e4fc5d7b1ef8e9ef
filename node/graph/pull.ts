/**
 * Pulls the Graph collections of core/graph/collections.ts into a frozen snapshot. One
 * collection at a time (Graph throttles per app and tenant, and the Conditional Access
 * bucket allows one request per second). Licence- and permission-gated collections become
 * gaps; anything else that fails stops the pull and nothing is returned but the reason.
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { deepFreeze } from '../../core/azure/snapshot';
import type { PullClock, RetryLimits } from '../../core/azure/retry-policy';
import type { ResolvedGraphCloud } from '../../core/graph/clouds';
import { GRAPH_COLLECTIONS, graphCollection, type GraphCollection, type GraphCollectionId } from '../../core/graph/collections';
import { classifyRefusal } from '../../core/graph/gaps';
import {
  GRAPH_SNAPSHOT_SCHEMA_VERSION,
  toGraphRow,
  type GraphCollectionResult,
  type GraphGap,
  type GraphRow,
  type GraphSnapshot,
} from '../../core/graph/snapshot';
import type { AzureSignIn, ExtraTlsOptions } from '../azure/credentials';
import { createGraphClient } from './graph-client';
import type { GraphExchange } from './middleware';

export type GraphPullEvent =
  | { kind: 'collection-started'; collection: GraphCollectionId; index: number; total: number }
  | { kind: 'collection-finished'; collection: GraphCollectionId; rows: number; pages: number }
  | { kind: 'collection-gap'; gap: GraphGap }
  | { kind: 'retrying'; collection: GraphCollectionId; attempt: number; delayMs: number; reason: string };

export type GraphPullResult =
  | { status: 'complete'; snapshot: GraphSnapshot }
  | { status: 'cancelled' }
  | { status: 'failed'; collection: GraphCollectionId | null; message: string; code?: string; signIn: boolean };

export interface GraphPullOptions {
  signIn: Pick<AzureSignIn, 'credential' | 'redactor' | 'forceRefreshOnNextToken'>;
  cloud: ResolvedGraphCloud;
  /** Used when the organization collection cannot be read (it names the tenant otherwise). */
  tenantId?: string;
  tlsOptions?: ExtraTlsOptions;
  signal?: AbortSignal;
  clock?: PullClock;
  limits?: RetryLimits;
  timeoutMs?: number;
  /** Default: every collection. */
  collections?: readonly GraphCollectionId[];
  onProgress?: (event: GraphPullEvent) => void;
  /** Every request as sent (method, URL, status); no headers. */
  onExchange?: (exchange: GraphExchange) => void;
}

/** A Graph answer that is not what the documented API returns. */
class GraphShapeError extends Error {}

/** A JSON object (not an array, not null). A plain test, not a zod record: it would copy every object. */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface ListPage {
  value: unknown[];
  '@odata.nextLink'?: string;
}

/** A Graph list page: `value` array, optional string nextLink (checked in place, not copied). */
function asListPage(answer: unknown): ListPage | undefined {
  if (!isObject(answer) || !Array.isArray(answer.value)) return undefined;
  const next = answer['@odata.nextLink'];
  if (next !== undefined && typeof next !== 'string') return undefined;
  return answer as unknown as ListPage;
}

function asRow(collection: GraphCollection, item: unknown, position: number | 'the answer'): GraphRow {
  const row = isObject(item) ? toGraphRow(collection.id, item) : undefined;
  if (!row) throw new GraphShapeError(`${collection.id}: ${position === 'the answer' ? position : `object ${position}`} is not a Graph object with an id`);
  return row;
}

async function fetchCollection(
  client: ReturnType<typeof createGraphClient>['client'],
  collection: GraphCollection,
  signal: AbortSignal | undefined,
): Promise<GraphRow[]> {
  const fetchOptions = signal ? { signal } : {};
  const first: unknown = await client.api(collection.path).options(fetchOptions).get();
  if (collection.shape === 'singleton') {
    // Some tenants still answer a singleton as a one-element collection.
    const page = asListPage(first);
    const object = page && page.value.length === 1 ? page.value[0] : first;
    return [asRow(collection, object, 'the answer')];
  }
  const page = asListPage(first);
  if (!page) throw new GraphShapeError(`${collection.id}: the answer has no "value" array`);
  const rows: GraphRow[] = [];
  const seen = new Set<string>();
  const add = (item: unknown): void => {
    const row = asRow(collection, item, rows.length + 1);
    if (!seen.has(row.id)) {
      seen.add(row.id);
      rows.push(row);
    }
  };
  // Each @odata.nextLink is requested unchanged, through the same client and middleware
  // chain, as the library's PageIterator does; a page at a time instead of an awaited
  // callback per object (docs/graph-collector.md, "Paging").
  let current = page;
  for (let read = 1; ; read += 1) {
    for (const item of current.value) add(item);
    const next = current['@odata.nextLink'];
    if (!next || signal?.aborted || read === collection.maxPages) break;
    const answer: unknown = await client.api(next).options(fetchOptions).get();
    const parsed = asListPage(answer);
    if (!parsed) throw new GraphShapeError(`${collection.id}: a page has no "value" array`);
    current = parsed;
  }
  if (signal?.aborted) throw new DOMException('the pull was cancelled', 'AbortError');
  return rows;
}

function refusalOf(error: unknown): { status: number; code: string; message: string } | undefined {
  if (!(error instanceof GraphError) || error.statusCode < 100) return undefined;
  return { status: error.statusCode, code: error.code ?? '', message: error.message };
}

function tenantOf(rows: readonly GraphRow[], organizationType: string): { id?: string; name: string | null } {
  const org = rows.find((r) => r.type === organizationType);
  const name = org && typeof org.object.displayName === 'string' ? org.object.displayName : null;
  return { ...(org ? { id: org.id } : {}), name };
}

/** Runs the pull; never throws for Graph or network failures (see {@link GraphPullResult}). */
export async function pullGraph(options: GraphPullOptions): Promise<GraphPullResult> {
  const { cloud, signal } = options;
  const redact = (text: string): string => options.signIn.redactor.redact(text);
  const wanted = options.collections ? GRAPH_COLLECTIONS.filter((c) => options.collections!.includes(c.id)) : GRAPH_COLLECTIONS;
  let current: GraphCollection | null = null;
  let pages = 0;
  const handle = createGraphClient({
    signIn: options.signIn,
    cloud,
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    onRetry: (info) => current && options.onProgress?.({ kind: 'retrying', collection: current.id, attempt: info.attempt, delayMs: info.delayMs, reason: info.reason }),
    onExchange: (exchange) => {
      if (exchange.status !== null && exchange.status < 300) pages += 1;
      options.onExchange?.({ ...exchange, url: redact(exchange.url) });
    },
  });
  const startedAt = new Date().toISOString();
  const rows: GraphRow[] = [];
  const results: GraphCollectionResult[] = [];
  const gaps: GraphGap[] = [];
  try {
    for (const [index, collection] of wanted.entries()) {
      if (signal?.aborted) return { status: 'cancelled' };
      current = collection;
      pages = 0;
      options.onProgress?.({ kind: 'collection-started', collection: collection.id, index, total: wanted.length });
      try {
        const got = await fetchCollection(handle.client, collection, signal);
        for (const row of got) rows.push(row); // not push(...got): a few hundred thousand arguments overflow the stack
        results.push({ collection: collection.id, type: collection.type, status: 'complete', rows: got.length, pages });
        options.onProgress?.({ kind: 'collection-finished', collection: collection.id, rows: got.length, pages });
      } catch (error) {
        if (signal?.aborted) return { status: 'cancelled' };
        const refusal = refusalOf(error);
        const kind = refusal ? classifyRefusal({ httpStatus: refusal.status, code: refusal.code, message: refusal.message }) : undefined;
        if (!refusal || !kind) return failure(collection.id, error, redact);
        const gap: GraphGap = { collection: collection.id, type: collection.type, kind, httpStatus: refusal.status, code: refusal.code, message: redact(refusal.message) };
        gaps.push(gap);
        results.push({ collection: collection.id, type: collection.type, status: 'gap', rows: 0, pages: 0 });
        options.onProgress?.({ kind: 'collection-gap', gap });
      }
    }
  } finally {
    handle.close();
  }
  const tenant = tenantOf(rows, graphCollection('organization').type);
  const tenantId = tenant.id ?? options.tenantId;
  if (!tenantId) return { status: 'failed', collection: 'organization', message: 'the tenant id is unknown: the organization could not be read and no tenant was given', signIn: false };
  const snapshot: GraphSnapshot = {
    demarcGraphSnapshot: {
      schemaVersion: GRAPH_SNAPSHOT_SCHEMA_VERSION,
      source: 'pull',
      tenantId,
      tenantName: tenant.name,
      cloud: cloud.name,
      graphEndpoint: cloud.graphEndpoint,
      startedAt,
      capturedAt: new Date().toISOString(),
      collections: results,
      gaps,
    },
    data: rows,
  };
  return { status: 'complete', snapshot: deepFreeze(snapshot) };
}

function failure(collection: GraphCollectionId, error: unknown, redact: (t: string) => string): GraphPullResult {
  const refusal = refusalOf(error);
  // A 401 that survived a fresh token is a sign-in problem too (revoked, wrong tenant or cloud).
  const signIn = (error instanceof GraphError && error.code === 'GraphSignInError') || refusal?.status === 401;
  const base = error instanceof Error ? error.message : String(error);
  const message = refusal ? `Graph answered HTTP ${refusal.status}${refusal.code ? ` ${refusal.code}` : ''}: ${refusal.message}` : base;
  const code = refusal?.code ?? (error instanceof GraphError ? (error.code ?? undefined) : undefined);
  return { status: 'failed', collection, message: redact(message), ...(code ? { code } : {}), signIn };
}
