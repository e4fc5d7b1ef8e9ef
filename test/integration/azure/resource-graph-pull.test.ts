/**
 * The pull end to end through the real SDK clients (ClientSecretCredential,
 * ResourceGraphClient) against loopback HTTPS fakes of Entra ID and Resource Graph.
 * Each scenario asserts exact row counts, no duplicates, the snapshot status, and that a
 * snapshot taken before is unchanged.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { pullInventory, type InventorySnapshot, type PullInventoryOptions } from '../../../core/azure/pull';
import type { PullProgressEvent } from '../../../core/azure/schemas';
import { canonicalJson } from '../../../core/azure/snapshot';
import { defaultRows, type Fault } from './fakes/fake-resource-graph';
import { startHarness, subscriptionIds, type Harness } from './harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

function fingerprint(snapshot: InventorySnapshot): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}

async function pull(h: Harness, extra: Partial<PullInventoryOptions> & { scope: PullInventoryOptions['scope'] }) {
  const events: PullProgressEvent[] = [];
  const snapshot = await pullInventory({
    transport: h.transport,
    cloud: h.cloud,
    clock: h.clock,
    redact: h.signIn.redactor.redactor,
    onProgress: (e) => {
      events.push(e);
      h.clock.tick(50); // "time passes" per event so the ETA has a rate
    },
    ...extra,
  });
  return { snapshot, events };
}

/** A snapshot pulled before the scenario, with its fingerprint. */
async function priorSnapshot(h: Harness) {
  const { snapshot } = await pull(h, { scope: { subscriptions: subscriptionIds(2) }, queries: ['resources', 'resource-containers'] });
  expect(snapshot.status).toBe('complete');
  const requestsBefore = h.graph.requests.length;
  return { snapshot, hash: fingerprint(snapshot), requestsBefore };
}

function expectPriorIntact(prior: { snapshot: InventorySnapshot; hash: string }): void {
  expect(fingerprint(prior.snapshot)).toBe(prior.hash);
  expect(Object.isFrozen(prior.snapshot)).toBe(true);
  expect(Object.isFrozen(prior.snapshot.rows)).toBe(true);
  expect(Object.isFrozen(prior.snapshot.rows[0])).toBe(true);
}

function expectNoDuplicates(snapshot: InventorySnapshot): void {
  const ids = snapshot.rows.map((r) => String(r.id).toLowerCase());
  expect(new Set(ids).size).toBe(ids.length);
}

/** Applies `fault` to the request numbered `at` (counted from `from`) only. */
function faultAt(h: Harness, from: number, at: number, fault: Fault | (() => Fault)): void {
  h.graph.onRequest = (ctx) => (ctx.index === from + at ? (typeof fault === 'function' ? fault() : fault) : undefined);
}

describe('Resource Graph pull through the real SDK against loopback fakes', () => {
  it('pages with $skipToken, 1000 rows a page, in order, exact count', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(1234) } });
    const prior = await priorSnapshot(harness);
    const subs = subscriptionIds(3);
    const { snapshot, events } = await pull(harness, { scope: { subscriptions: subs }, queries: ['resources'] });
    expect(snapshot.status).toBe('complete');
    expect(snapshot.rows).toHaveLength(3 * 1234);
    expectNoDuplicates(snapshot);
    const requests = harness.graph.requests.slice(prior.requestsBefore);
    expect(requests.map((r) => r.offset)).toEqual([0, 1000, 2000, 3000]);
    expect(requests.every((r) => r.top === 1000 && /order by id asc/.test(r.query))).toBe(true);
    expect(requests.slice(1).every((r) => r.skipToken !== undefined)).toBe(true);
    expect(snapshot.queries[0]).toMatchObject({ queryId: 'resources', status: 'complete', rows: 3702, pages: 4 });
    const pages = events.filter((e) => e.kind === 'page');
    expect(pages).toHaveLength(4);
    expect(pages.at(-1)).toMatchObject({ totalRows: 3702, pagesRemaining: 0 });
    expect(pages.some((e) => e.kind === 'page' && e.estimatedSecondsLeft !== null)).toBe(true);
    expectPriorIntact(prior);
  });

  it('splits 150 subscriptions into requests of at most 100', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(2) } });
    const prior = await priorSnapshot(harness);
    const subs = subscriptionIds(150);
    const { snapshot } = await pull(harness, { scope: { subscriptions: subs }, queries: ['resources', 'resource-containers'] });
    expect(snapshot.status).toBe('complete');
    expect(snapshot.rows).toHaveLength(150 * 2 + 150);
    expectNoDuplicates(snapshot);
    const requests = harness.graph.requests.slice(prior.requestsBefore);
    expect(requests.map((r) => r.subscriptions.length)).toEqual([100, 50, 100, 50]);
    expect(new Set(requests.filter((r) => r.table === 'resources').flatMap((r) => r.subscriptions)).size).toBe(150);
    expect(snapshot.scope.subscriptions).toHaveLength(150);
    expectPriorIntact(prior);
  });

  it('waits for Retry-After on a 429 and then completes', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(1500) } });
    const prior = await priorSnapshot(harness);
    faultAt(harness, prior.requestsBefore, 2, { kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    const { snapshot, events } = await pull(harness, { scope: { subscriptions: subscriptionIds(2) }, queries: ['resources'] });
    expect(snapshot.status).toBe('complete');
    expect(snapshot.rows).toHaveLength(3000);
    expectNoDuplicates(snapshot);
    // one extra request: ours, not the SDK's (its retry policy is off)
    expect(harness.graph.requests.length - prior.requestsBefore).toBe(4);
    expect(harness.clock.sleeps).toContain(7000 + 125);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'retrying', reason: 'throttled', httpStatus: 429 }));
    expectPriorIntact(prior);
  });

  it('retries a 429 that has only the quota headers (no Retry-After)', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(1500) } });
    const prior = await priorSnapshot(harness);
    faultAt(harness, prior.requestsBefore, 1, {
      kind: 'status',
      status: 429,
      headers: { 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:04' },
    });
    const { snapshot } = await pull(harness, { scope: { subscriptions: subscriptionIds(2) }, queries: ['resources'] });
    expect(snapshot.status).toBe('complete');
    expect(snapshot.rows).toHaveLength(3000);
    expectNoDuplicates(snapshot);
    expect(harness.graph.requests.length - prior.requestsBefore).toBe(4);
    expect(harness.clock.sleeps).toContain(4000 + 125);
    expectPriorIntact(prior);
  });

  it('paces on the quota headers so the quota never reaches zero', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(1000), quotaPerWindow: 4, quotaWindowMs: 5000 } });
    const subs = subscriptionIds(1);
    const { snapshot, events } = await pull(harness, { scope: { subscriptions: subs }, queries: ['resources', 'resource-containers', 'role-assignments', 'role-definitions', 'defender-plans', 'secure-scores'] });
    expect(snapshot.status).toBe('complete');
    expect(snapshot.rows).toHaveLength(1000 + 5);
    expect(harness.graph.quota429s).toBe(0);
    expect(events.filter((e) => e.kind === 'paced').length).toBeGreaterThan(0);
    expect(snapshot.totals.pacedMs).toBeGreaterThan(0);
  });

  it('retries 503 with jittered backoff', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(1200) } });
    const prior = await priorSnapshot(harness);
    let served = 0;
    harness.graph.onRequest = (ctx) => (ctx.index > prior.requestsBefore && ctx.offset === 1000 && served++ < 2 ? { kind: 'status', status: 503 } : undefined);
    const { snapshot, events } = await pull(harness, { scope: { subscriptions: subscriptionIds(1) }, queries: ['resources'] });
    expect(snapshot.status).toBe('complete');
    expect(snapshot.rows).toHaveLength(1200);
    expectNoDuplicates(snapshot);
    const retries = events.filter((e) => e.kind === 'retrying');
    expect(retries.map((e) => e.kind === 'retrying' && e.reason)).toEqual(['server-error', 'server-error']);
    // equal jitter with random() = 0.5: 75 % of 1 s, then of 2 s
    expect(harness.clock.sleeps).toEqual([750, 1500]);
    expectPriorIntact(prior);
  });

  it('gives up on a scope that keeps failing with 503 and marks the snapshot partial', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(5) } });
    const prior = await priorSnapshot(harness);
    const subs = subscriptionIds(120);
    harness.graph.onRequest = (ctx) =>
      ctx.index > prior.requestsBefore && ctx.subscriptions.length === 20 ? { kind: 'status', status: 503 } : undefined;
    const { snapshot } = await pull(harness, { scope: { subscriptions: subs }, queries: ['resources'] });
    expect(snapshot.status).toBe('partial');
    expect(snapshot.rows).toHaveLength(100 * 5);
    expectNoDuplicates(snapshot);
    expect(snapshot.errors).toHaveLength(1);
    expect(snapshot.errors[0]).toMatchObject({ code: 'server-error', httpStatus: 503, attempts: 5, rowsReceived: 0, queryId: 'resources' });
    expect(snapshot.errors[0]!.scope.subscriptions).toHaveLength(20);
    expectPriorIntact(prior);
  });

  it('retries a connection reset in the middle of a body', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(2500) } });
    const prior = await priorSnapshot(harness);
    faultAt(harness, prior.requestsBefore, 2, { kind: 'reset-mid-body' });
    const { snapshot, events } = await pull(harness, { scope: { subscriptions: subscriptionIds(1) }, queries: ['resources'] });
    expect(snapshot.status).toBe('complete');
    expect(snapshot.rows).toHaveLength(2500);
    expectNoDuplicates(snapshot);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'retrying', reason: expect.stringMatching(/connection|malformed-response/) }));
    expectPriorIntact(prior);
  });

  it('treats truncated JSON as an error of that page: retried, and if it persists, a partial snapshot', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(1500) } });
    const prior = await priorSnapshot(harness);
    faultAt(harness, prior.requestsBefore, 2, { kind: 'truncated-json' });
    const once = await pull(harness, { scope: { subscriptions: subscriptionIds(1) }, queries: ['resources'] });
    expect(once.snapshot.status).toBe('complete');
    expect(once.snapshot.rows).toHaveLength(1500);
    expect(once.events).toContainEqual(expect.objectContaining({ kind: 'retrying', reason: 'malformed-response' }));

    const start = harness.graph.requests.length;
    harness.graph.onRequest = (ctx) => (ctx.index > start && ctx.table === 'resources' && ctx.offset === 1000 ? { kind: 'truncated-json' } : undefined);
    const always = await pull(harness, { scope: { subscriptions: subscriptionIds(1) }, queries: ['resources', 'resource-containers'] });
    expect(always.snapshot.status).toBe('partial');
    expect(always.snapshot.rows).toHaveLength(1000 + 1);
    expectNoDuplicates(always.snapshot);
    expect(always.snapshot.errors).toEqual([
      expect.objectContaining({ queryId: 'resources', code: 'malformed-response', rowsReceived: 1000, attempts: 5 }),
    ]);
    expect(always.snapshot.queries.map((q) => q.status)).toEqual(['partial', 'complete']);
    expect(fingerprint(once.snapshot)).toBe(fingerprint(once.snapshot));
    expectPriorIntact(prior);
  });

  it('gets a new token when the current one expires mid-pull', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(3000) } });
    const prior = await priorSnapshot(harness);
    expect(harness.entra.issuedTokens).toHaveLength(1);
    faultAt(harness, prior.requestsBefore, 2, { kind: 'expire-token' });
    const { snapshot, events } = await pull(harness, { scope: { subscriptions: subscriptionIds(1) }, queries: ['resources'] });
    expect(snapshot.status).toBe('complete');
    expect(snapshot.rows).toHaveLength(3000);
    expectNoDuplicates(snapshot);
    expect(harness.entra.issuedTokens).toHaveLength(2);
    const requests = harness.graph.requests.slice(prior.requestsBefore);
    expect(requests.map((r) => r.token)).toEqual([
      harness.entra.issuedTokens[0],
      harness.entra.issuedTokens[0],
      harness.entra.issuedTokens[1],
      harness.entra.issuedTokens[1],
    ]);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'retrying', reason: 'authentication', httpStatus: 401 }));
    expectPriorIntact(prior);
  });

  it('cancels in the middle of a page: cancelled snapshot with the pages before it', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(2500) } });
    const prior = await priorSnapshot(harness);
    const controller = new AbortController();
    faultAt(harness, prior.requestsBefore, 2, { kind: 'stall-mid-body', onStalled: () => controller.abort() });
    const { snapshot, events } = await pull(harness, { scope: { subscriptions: subscriptionIds(1) }, queries: ['resources', 'resource-containers'], signal: controller.signal });
    expect(snapshot.status).toBe('cancelled');
    expect(snapshot.rows).toHaveLength(1000);
    expectNoDuplicates(snapshot);
    expect(snapshot.queries.map((q) => q.status)).toEqual(['cancelled', 'not-started']);
    expect(events.at(-1)).toMatchObject({ kind: 'finished', status: 'cancelled', totalRows: 1000 });
    expect(harness.graph.requests.length - prior.requestsBefore).toBe(2);
    expectPriorIntact(prior);
  });

  it('reports a wrong client secret clearly and sends nothing to Resource Graph', async () => {
    harness = await startHarness({ presentedSecret: 'wrong-secret-value-0000' });
    const { snapshot } = await pull(harness, { scope: { subscriptions: subscriptionIds(2) } });
    expect(snapshot.status).toBe('partial');
    expect(snapshot.rows).toHaveLength(0);
    expect(snapshot.errors).toHaveLength(1);
    expect(snapshot.errors[0]!.code).toBe('authentication-failed');
    expect(snapshot.errors[0]!.message).toMatch(/Sign-in failed \(service-principal\): the client secret is wrong or expired\. .*AADSTS7000215/);
    expect(snapshot.queries.filter((q) => q.status === 'not-started')).toHaveLength(snapshot.queries.length - 1);
    expect(harness.graph.requests).toHaveLength(0);
  });
});
