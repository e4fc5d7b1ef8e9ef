/**
 * Pulls an inventory snapshot from Resource Graph: every catalogue query over every scope
 * batch, page by page, paced under the user quota, retrying what is worth retrying, and
 * always ending in a new, frozen snapshot marked complete, partial or cancelled.
 *
 * Pure: the network is the injected {@link ResourceGraphTransport}; time is the injected
 * {@link PullClock}.
 */
import type { ResolvedCloud } from './clouds';
import { getQuery, INVENTORY_QUERY_IDS, type QueryId } from './query-catalogue';
import { safeErrorMessage, redactTokenShapes } from './redact';
import {
  backoffDelay,
  DEFAULT_RETRY_LIMITS,
  pacingDelay,
  parseRetryAfter,
  readQuota,
  systemClock,
  throttledDelay,
  type PullClock,
  type QuotaState,
  type RetryLimits,
} from './retry-policy';
import {
  armErrorBodySchema,
  MAX_PAGE_SIZE,
  MAX_SUBSCRIPTIONS_PER_REQUEST,
  queryResponsePageSchema,
  type ArgRow,
  type PullErrorCode,
  type PullProgressEvent,
  type PullScope,
  type PullScopeError,
  type QueryResponsePage,
  type SnapshotMeta,
  type SnapshotQueryStats,
  type SnapshotStatus,
} from './schemas';
import { deepFreeze } from './snapshot';
import { TransportError, type ResourceGraphResponse, type ResourceGraphTransport } from './transport';

/** A snapshot: metadata plus every row, in catalogue order. Deep-frozen. */
export interface InventorySnapshot extends SnapshotMeta {
  readonly rows: readonly ArgRow[];
}

/** One page as it arrives, for hosts that stream pages on (e.g. to the renderer's Dexie). */
export interface PulledPage {
  queryId: QueryId;
  table: string;
  scope: PullScope;
  page: number;
  /** De-duplicated rows of this page (frozen). */
  rows: readonly ArgRow[];
}

/** Input of {@link pullInventory}. */
export interface PullInventoryOptions {
  transport: ResourceGraphTransport;
  cloud: Pick<ResolvedCloud, 'name' | 'armEndpoint'>;
  /**
   * What to read. Subscriptions are sent in batches of at most 100; each management group
   * is its own request scope. Both empty means the tenant scope of the signed-in identity.
   */
  scope: { subscriptions?: readonly string[]; managementGroups?: readonly string[] };
  /** Which catalogue queries to run; default all of {@link INVENTORY_QUERY_IDS}. Never KQL. */
  queries?: readonly QueryId[];
  signal?: AbortSignal;
  onProgress?: (event: PullProgressEvent) => void;
  onPage?: (page: PulledPage) => void;
  clock?: PullClock;
  limits?: Partial<RetryLimits>;
  /** Rows per page, at most 1000 (the default). */
  pageSize?: number;
  /** Extra redaction (e.g. a {@link SecretRedactor}); token shapes are always redacted. */
  redact?: (text: string) => string;
  /** Snapshot id generator; default `crypto.randomUUID()`. */
  newId?: () => string;
}

interface ScopeUnit {
  subscriptions?: string[];
  managementGroups?: string[];
}

/** Splits a scope into request units: subscription batches of ≤ 100, one per management group. */
export function planScopeUnits(scope: PullInventoryOptions['scope'], batchSize = MAX_SUBSCRIPTIONS_PER_REQUEST): ScopeUnit[] {
  const size = Math.min(Math.max(1, batchSize), MAX_SUBSCRIPTIONS_PER_REQUEST);
  const subscriptions = [...new Set((scope.subscriptions ?? []).map((s) => s.trim().toLowerCase()).filter(Boolean))];
  const managementGroups = [...new Set((scope.managementGroups ?? []).map((m) => m.trim()).filter(Boolean))];
  const units: ScopeUnit[] = [];
  for (let i = 0; i < subscriptions.length; i += size) units.push({ subscriptions: subscriptions.slice(i, i + size) });
  for (const managementGroup of managementGroups) units.push({ managementGroups: [managementGroup] });
  if (units.length === 0) units.push({});
  return units;
}

type AttemptOutcome =
  | { kind: 'page'; page: QueryResponsePage }
  | { kind: 'failed'; error: Omit<PullScopeError, 'queryId' | 'table' | 'scope' | 'rowsReceived'>; fatal: boolean }
  | { kind: 'aborted' };

class Aborted extends Error {}

function abortable(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Aborted('aborted');
}

function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

function describeHttpError(response: ResourceGraphResponse, redact: (t: string) => string): { message: string; azureCode?: string } {
  let body: unknown = response.parsedBody;
  if (body === undefined) {
    try {
      body = JSON.parse(response.bodyText);
    } catch {
      body = undefined;
    }
  }
  const parsed = armErrorBodySchema.safeParse(body);
  const code = parsed.success ? parsed.data.error?.code : undefined;
  const text = parsed.success && parsed.data.error?.message ? parsed.data.error.message : `HTTP ${response.status}`;
  const message = safeErrorMessage(code ? `${code}: ${text}` : text, redact);
  return code ? { message, azureCode: safeErrorMessage(code, redact, 100) } : { message };
}

function parsePage(response: ResourceGraphResponse): { ok: true; page: QueryResponsePage } | { ok: false; reason: string } {
  let body = response.parsedBody;
  if (body === undefined) {
    try {
      body = JSON.parse(response.bodyText);
    } catch {
      return { ok: false, reason: `the response body is not valid JSON (${response.bodyText.length} characters received)` };
    }
  }
  const result = queryResponsePageSchema.safeParse(body);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.length ? first.path.slice(0, 3).join('.') : 'body';
    return { ok: false, reason: `the response does not have the Resource Graph shape (${where}: ${first?.message ?? 'invalid'})` };
  }
  return { ok: true, page: result.data };
}

/**
 * Runs the pull and resolves with a new snapshot. Never rejects for network, Azure or
 * data problems (they become per-scope errors); never modifies anything it was given.
 */
export async function pullInventory(options: PullInventoryOptions): Promise<InventorySnapshot> {
  const clock = options.clock ?? systemClock;
  const limits: RetryLimits = { ...DEFAULT_RETRY_LIMITS, ...options.limits };
  const pageSize = Math.min(Math.max(1, Math.floor(options.pageSize ?? MAX_PAGE_SIZE)), MAX_PAGE_SIZE);
  const extraRedact = options.redact;
  const redact = (text: string): string => redactTokenShapes(extraRedact ? extraRedact(text) : text);
  const signal = options.signal;
  const emit = (event: PullProgressEvent): void => {
    try {
      options.onProgress?.(event);
    } catch {
      // A failing listener must not break the pull.
    }
  };
  const queryIds = [...(options.queries ?? INVENTORY_QUERY_IDS)];
  const units = planScopeUnits(options.scope);
  const id = (options.newId ?? (() => globalThis.crypto.randomUUID()))();
  const startedAt = clock.now();

  const rows: ArgRow[] = [];
  const errors: PullScopeError[] = [];
  const stats = new Map<QueryId, SnapshotQueryStats>(
    queryIds.map((queryId) => [
      queryId,
      { queryId, table: getQuery(queryId).table, status: 'not-started', rows: 0, pages: 0, duplicatesDropped: 0 },
    ]),
  );
  const totals = { rows: 0, pages: 0, requests: 0, retries: 0, pacedMs: 0 };
  let lastQuota: QuotaState | undefined;
  let cancelled = false;
  let fatal = false;
  // Pages still expected: 1 per unstarted unit, refined from totalRecords once known.
  let unitsNotStarted = queryIds.length * units.length;
  let pagesExpectedInCurrentUnit = 0;
  let firstRequestAt: number | undefined;

  emit({ kind: 'started', snapshotId: id, queries: queryIds, units: unitsNotStarted });

  const pace = async (): Promise<void> => {
    const delay = pacingDelay(lastQuota, limits);
    if (delay > 0 && lastQuota) {
      emit({ kind: 'paced', delayMs: delay, quotaRemaining: lastQuota.remaining });
      totals.pacedMs += delay;
      await clock.sleep(delay, signal);
      lastQuota = undefined; // the window has reset
    }
  };

  const wait = async (ms: number): Promise<void> => {
    await clock.sleep(ms, signal);
  };

  /** One page, with retries. */
  const fetchPage = async (
    queryId: QueryId,
    kql: string,
    unit: ScopeUnit,
    skipToken: string | undefined,
  ): Promise<AttemptOutcome> => {
    let attempts = 0;
    let throttledAttempts = 0;
    let otherAttempts = 0;
    let authRetried = false;
    let refreshCredential = false;
    for (;;) {
      if (signal?.aborted) return { kind: 'aborted' };
      try {
        await pace();
      } catch {
        return { kind: 'aborted' };
      }
      attempts += 1;
      totals.requests += 1;
      firstRequestAt ??= clock.now();
      let response: ResourceGraphResponse;
      try {
        response = await options.transport.send({
          query: kql,
          ...(unit.subscriptions ? { subscriptions: unit.subscriptions } : {}),
          ...(unit.managementGroups ? { managementGroups: unit.managementGroups } : {}),
          top: pageSize,
          ...(skipToken ? { skipToken } : {}),
          ...(refreshCredential ? { refreshCredential: true } : {}),
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        if (signal?.aborted) return { kind: 'aborted' };
        const kind = error instanceof TransportError ? error.kind : 'connection';
        const message = safeErrorMessage(error, redact);
        if (kind === 'authentication') {
          return { kind: 'failed', fatal: true, error: { code: 'authentication-failed', message, attempts } };
        }
        otherAttempts += 1;
        if (otherAttempts >= limits.maxAttempts) {
          return { kind: 'failed', fatal: false, error: { code: 'connection-failed', message, attempts } };
        }
        const delayMs = backoffDelay(otherAttempts, limits, clock.random);
        emit({ kind: 'retrying', queryId, reason: 'connection', attempt: attempts, delayMs });
        totals.retries += 1;
        try {
          await wait(delayMs);
        } catch {
          return { kind: 'aborted' };
        }
        continue;
      }
      refreshCredential = false;
      const headers = lowerCaseHeaders(response.headers);
      lastQuota = readQuota(headers) ?? lastQuota;
      const status = response.status;

      let retry: { reason: 'throttled' | 'server-error' | 'malformed-response' | 'authentication'; delayMs: number } | undefined;
      let failure: { code: PullErrorCode; message: string; azureCode?: string } | undefined;

      if (status === 200) {
        const parsed = parsePage(response);
        if (parsed.ok) return { kind: 'page', page: parsed.page };
        otherAttempts += 1;
        if (otherAttempts >= limits.maxAttempts) failure = { code: 'malformed-response', message: redact(parsed.reason) };
        else retry = { reason: 'malformed-response', delayMs: backoffDelay(otherAttempts, limits, clock.random) };
      } else if (status === 429) {
        throttledAttempts += 1;
        const delayMs = throttledDelay(headers, throttledAttempts, limits, clock);
        if (throttledAttempts >= limits.maxThrottledAttempts || delayMs > limits.maxRetryAfterMs) {
          failure = { code: 'throttled', ...describeHttpError(response, redact) };
        } else {
          retry = { reason: 'throttled', delayMs };
          lastQuota = undefined; // the 429 delay already covers the reset
        }
      } else if (status === 401) {
        if (!authRetried) {
          authRetried = true;
          refreshCredential = true;
          retry = { reason: 'authentication', delayMs: 0 };
        } else {
          failure = { code: 'authentication-failed', ...describeHttpError(response, redact) };
        }
      } else if (status === 408 || status >= 500) {
        otherAttempts += 1;
        if (otherAttempts >= limits.maxAttempts) {
          failure = { code: 'server-error', ...describeHttpError(response, redact) };
        } else {
          const retryAfter = parseRetryAfter(headers['retry-after'], clock.now());
          const delayMs =
            retryAfter !== undefined && retryAfter <= limits.maxRetryAfterMs
              ? retryAfter + Math.round(clock.random() * 250)
              : backoffDelay(otherAttempts, limits, clock.random);
          retry = { reason: 'server-error', delayMs };
        }
      } else if (status === 403) {
        failure = { code: 'forbidden', ...describeHttpError(response, redact) };
      } else if (status === 400) {
        failure = { code: 'bad-request', ...describeHttpError(response, redact) };
      } else {
        failure = { code: 'http-error', ...describeHttpError(response, redact) };
      }

      if (failure) {
        return {
          kind: 'failed',
          fatal: false,
          error: { ...failure, ...(status !== 200 ? { httpStatus: status } : {}), attempts },
        };
      }
      if (retry) {
        emit({ kind: 'retrying', queryId, reason: retry.reason, attempt: attempts, delayMs: retry.delayMs, httpStatus: status });
        totals.retries += 1;
        try {
          if (retry.delayMs > 0) await wait(retry.delayMs);
        } catch {
          return { kind: 'aborted' };
        }
      }
    }
  };

  const pagesRemaining = (): number => Math.max(0, pagesExpectedInCurrentUnit) + unitsNotStarted;

  try {
    for (const queryId of queryIds) {
      const definition = getQuery(queryId);
      const stat = stats.get(queryId)!;
      const seen = new Set<string>();
      let queryFailed = false;
      for (const unit of units) {
        abortable(signal);
        if (fatal) throw new Aborted('fatal');
        stat.status = 'partial'; // until every unit is through
        unitsNotStarted -= 1;
        pagesExpectedInCurrentUnit = 1;
        let skipToken: string | undefined;
        let pageNumber = 0;
        let unitRows = 0;
        for (;;) {
          const outcome = await fetchPage(queryId, definition.kql, unit, skipToken);
          if (outcome.kind === 'aborted') {
            cancelled = true;
            throw new Aborted('aborted');
          }
          if (outcome.kind === 'failed') {
            const scopeError: PullScopeError = {
              queryId,
              table: definition.table,
              scope: { ...unit },
              rowsReceived: unitRows,
              ...outcome.error,
            };
            errors.push(scopeError);
            emit({ kind: 'scope-failed', error: scopeError });
            queryFailed = true;
            if (outcome.fatal) fatal = true;
            break;
          }
          const page = outcome.page;
          pageNumber += 1;
          if (pageNumber === 1) pagesExpectedInCurrentUnit = Math.max(1, Math.ceil(page.totalRecords / pageSize));
          pagesExpectedInCurrentUnit -= 1;
          const fresh: ArgRow[] = [];
          for (const row of page.data) {
            const rowId = typeof row.id === 'string' ? row.id.toLowerCase() : undefined;
            if (rowId !== undefined) {
              if (seen.has(rowId)) {
                stat.duplicatesDropped += 1;
                continue;
              }
              seen.add(rowId);
            }
            fresh.push(deepFreeze(row));
          }
          for (const row of fresh) rows.push(row);
          unitRows += fresh.length;
          stat.rows += fresh.length;
          stat.pages += 1;
          totals.rows += fresh.length;
          totals.pages += 1;
          try {
            options.onPage?.({
              queryId,
              table: definition.table,
              scope: { ...unit },
              page: pageNumber,
              rows: Object.freeze(fresh),
            });
          } catch {
            // A failing page consumer must not corrupt the pull; the rows are in the snapshot.
          }
          const remaining = pagesRemaining() + (page.$skipToken && pagesExpectedInCurrentUnit <= 0 ? 1 : 0);
          const elapsed = clock.now() - (firstRequestAt ?? startedAt);
          emit({
            kind: 'page',
            queryId,
            table: definition.table,
            page: pageNumber,
            rowsInPage: fresh.length,
            queryRows: stat.rows,
            totalRows: totals.rows,
            totalPages: totals.pages,
            pagesRemaining: remaining,
            estimatedSecondsLeft: totals.pages > 0 && elapsed > 0 ? Math.round((remaining * elapsed) / totals.pages / 100) / 10 : null,
          });
          if (page.$skipToken) {
            skipToken = page.$skipToken;
            continue;
          }
          if (page.resultTruncated === 'true') {
            const scopeError: PullScopeError = {
              queryId,
              table: definition.table,
              scope: { ...unit },
              code: 'result-truncated',
              message: 'Resource Graph truncated the result without a continuation token',
              rowsReceived: unitRows,
              attempts: 1,
            };
            errors.push(scopeError);
            emit({ kind: 'scope-failed', error: scopeError });
            queryFailed = true;
          }
          break;
        }
        pagesExpectedInCurrentUnit = 0;
      }
      stat.status = queryFailed ? 'partial' : 'complete';
    }
  } catch (error) {
    if (!(error instanceof Aborted)) throw error;
    if (signal?.aborted) cancelled = true;
    for (const stat of stats.values()) if (stat.status === 'partial' && cancelled) stat.status = 'cancelled';
  }

  const status: SnapshotStatus = cancelled ? 'cancelled' : errors.length > 0 || fatal ? 'partial' : 'complete';
  const snapshot: InventorySnapshot = {
    format: 'demarc-inventory-snapshot',
    schemaVersion: 1,
    id,
    status,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(clock.now()).toISOString(),
    cloud: { name: options.cloud.name, armEndpoint: options.cloud.armEndpoint },
    scope: {
      subscriptions: units.flatMap((u) => u.subscriptions ?? []),
      managementGroups: units.flatMap((u) => u.managementGroups ?? []),
    },
    queries: [...stats.values()].map((s) => ({ ...s })),
    totals: { ...totals },
    errors,
    rows,
  };
  emit({ kind: 'finished', status, totalRows: totals.rows, errors: errors.length });
  return deepFreeze(snapshot);
}

/** The snapshot without its rows (for file headers, IPC, logs). */
export function snapshotMeta(snapshot: InventorySnapshot): SnapshotMeta {
  const { rows: _rows, ...meta } = snapshot;
  return meta;
}
