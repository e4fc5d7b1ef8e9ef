/**
 * pullInventory against a scripted in-memory transport (the network edge is the
 * transport interface here; the real SDK path is covered in test/integration/azure).
 */
import { describe, expect, it } from 'vitest';
import { planScopeUnits, pullInventory } from '../../../../core/azure/pull';
import type { PullClock } from '../../../../core/azure/retry-policy';
import type { PullProgressEvent } from '../../../../core/azure/schemas';
import { TransportError, type ResourceGraphRequest, type ResourceGraphResponse, type ResourceGraphTransport } from '../../../../core/azure/transport';

const cloud = { name: 'public', armEndpoint: 'https://management.azure.com' } as const;

class Clock implements PullClock {
  t = 0;
  sleeps: number[] = [];
  now = (): number => this.t;
  random = (): number => 0.5;
  sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.t += ms;
  };
}

type Handler = (request: ResourceGraphRequest, index: number) => ResourceGraphResponse | Promise<ResourceGraphResponse>;

class Scripted implements ResourceGraphTransport {
  readonly requests: ResourceGraphRequest[] = [];
  constructor(private readonly handler: Handler) {}
  async send(request: ResourceGraphRequest): Promise<ResourceGraphResponse> {
    this.requests.push(request);
    return this.handler(request, this.requests.length);
  }
}

function ok(body: unknown, headers: Record<string, string> = {}): ResourceGraphResponse {
  return { status: 200, headers, bodyText: JSON.stringify(body) };
}

function page(ids: string[], skipToken?: string, totalRecords = ids.length) {
  return { totalRecords, count: ids.length, resultTruncated: 'false', ...(skipToken ? { $skipToken: skipToken } : {}), data: ids.map((id) => ({ id })) };
}

describe('planScopeUnits', () => {
  it('batches subscriptions by 100, one unit per management group, tenant scope when empty', () => {
    const subs = Array.from({ length: 250 }, (_, i) => `sub-${i}`);
    expect(planScopeUnits({ subscriptions: subs, managementGroups: ['mg1'] }).map((u) => u.subscriptions?.length ?? u.managementGroups)).toEqual([100, 100, 50, ['mg1']]);
    expect(planScopeUnits({ subscriptions: ['A', 'a', ' a '] })).toEqual([{ subscriptions: ['a'] }]);
    expect(planScopeUnits({})).toEqual([{}]);
  });
});

describe('pullInventory', () => {
  it('follows skip tokens and drops rows repeated across pages', async () => {
    const transport = new Scripted((req) =>
      req.skipToken ? ok(page(['/b', '/c'], undefined, 4)) : ok(page(['/a', '/B'], 't1', 4)),
    );
    const snapshot = await pullInventory({ transport, cloud, scope: { subscriptions: ['s'] }, queries: ['resources'], clock: new Clock(), newId: () => 'snap-1' });
    expect(snapshot.status).toBe('complete');
    expect(snapshot.rows.map((r) => r.id)).toEqual(['/a', '/B', '/c']);
    expect(snapshot.queries[0]).toMatchObject({ rows: 3, pages: 2, duplicatesDropped: 1 });
    expect(transport.requests.map((r) => r.top)).toEqual([1000, 1000]);
    expect(snapshot.id).toBe('snap-1');
    expect(Object.isFrozen(snapshot.rows[0])).toBe(true);
  });

  it('records a per-scope error and carries on with the other scopes', async () => {
    const transport = new Scripted((req) =>
      req.subscriptions?.[0] === 'denied'
        ? { status: 403, headers: {}, bodyText: JSON.stringify({ error: { code: 'AuthorizationFailed', message: 'no access' } }) }
        : ok(page([`/subscriptions/${req.subscriptions?.[0]}/x`])),
    );
    const subs = [...Array.from({ length: 100 }, (_, i) => `ok-${i}`), 'denied'];
    const snapshot = await pullInventory({ transport, cloud, scope: { subscriptions: subs }, queries: ['resources'], clock: new Clock() });
    // 'denied' is the 101st id, so it is alone in the second batch
    expect(snapshot.status).toBe('partial');
    expect(snapshot.rows).toHaveLength(1);
    expect(snapshot.errors).toEqual([
      expect.objectContaining({ code: 'forbidden', httpStatus: 403, azureCode: 'AuthorizationFailed', message: 'AuthorizationFailed: no access', scope: { subscriptions: ['denied'] } }),
    ]);
  });

  it('asks the transport for a fresh credential once after a 401, then gives up on the scope', async () => {
    const transport = new Scripted(() => ({ status: 401, headers: {}, bodyText: '{"error":{"code":"InvalidAuthenticationToken","message":"bad"}}' }));
    const snapshot = await pullInventory({ transport, cloud, scope: { subscriptions: ['s'] }, queries: ['resources'], clock: new Clock() });
    expect(transport.requests.map((r) => r.refreshCredential ?? false)).toEqual([false, true]);
    expect(snapshot.errors[0]).toMatchObject({ code: 'authentication-failed', httpStatus: 401 });
  });

  it('stops the whole pull when the credential cannot sign in', async () => {
    const transport = new Scripted(() => {
      throw new TransportError('authentication', 'Sign-in failed', 'AADSTS7000215');
    });
    const snapshot = await pullInventory({ transport, cloud, scope: { subscriptions: ['a'] }, clock: new Clock() });
    expect(transport.requests).toHaveLength(1);
    expect(snapshot.status).toBe('partial');
    expect(snapshot.queries.filter((q) => q.status === 'not-started')).toHaveLength(snapshot.queries.length - 1);
  });

  it('marks a truncated result without a skip token as partial', async () => {
    const transport = new Scripted(() => ok({ ...page(['/a']), resultTruncated: 'true' }));
    const snapshot = await pullInventory({ transport, cloud, scope: { subscriptions: ['s'] }, queries: ['resources'], clock: new Clock() });
    expect(snapshot.status).toBe('partial');
    expect(snapshot.errors[0]).toMatchObject({ code: 'result-truncated', rowsReceived: 1 });
  });

  it('rejects pages of the wrong shape (count mismatch, non-object rows) as malformed', async () => {
    const bodies = [
      { totalRecords: 1, count: 2, resultTruncated: 'false', data: [{ id: '/a' }] },
      { totalRecords: 1, count: 1, resultTruncated: false, data: [{ id: '/a' }] },
      { totalRecords: 1, count: 1, resultTruncated: 'false', data: ['x'] },
    ];
    for (const body of bodies) {
      const transport = new Scripted(() => ok(body));
      const snapshot = await pullInventory({ transport, cloud, scope: { subscriptions: ['s'] }, queries: ['resources'], clock: new Clock(), limits: { maxAttempts: 2 } });
      expect(snapshot.status).toBe('partial');
      expect(snapshot.errors[0]).toMatchObject({ code: 'malformed-response', attempts: 2 });
      expect(snapshot.rows).toHaveLength(0);
    }
  });

  it('gives up on a Retry-After longer than the limit', async () => {
    const transport = new Scripted(() => ({ status: 429, headers: { 'Retry-After': '3600' }, bodyText: '' }));
    const clock = new Clock();
    const snapshot = await pullInventory({ transport, cloud, scope: { subscriptions: ['s'] }, queries: ['resources'], clock });
    expect(snapshot.errors[0]).toMatchObject({ code: 'throttled', httpStatus: 429, attempts: 1 });
    expect(clock.sleeps).toEqual([]);
  });

  it('is cancelled while waiting to retry, keeping what arrived', async () => {
    const controller = new AbortController();
    const clock = new Clock();
    clock.sleep = async (_ms, signal) => {
      controller.abort(new Error('user cancelled'));
      throw signal?.reason;
    };
    const transport = new Scripted((req) => (req.skipToken ? { status: 503, headers: {}, bodyText: '' } : ok(page(['/a'], 't'))));
    const events: PullProgressEvent[] = [];
    const snapshot = await pullInventory({
      transport,
      cloud,
      scope: { subscriptions: ['s'] },
      clock,
      signal: controller.signal,
      onProgress: (e) => events.push(e),
    });
    expect(snapshot.status).toBe('cancelled');
    expect(snapshot.rows).toHaveLength(1);
    expect(events.at(-1)).toEqual({ kind: 'finished', status: 'cancelled', totalRows: 1, errors: 0 });
  });

  it('never modifies a previous snapshot, and a throwing listener does not break the pull', async () => {
    const transport = new Scripted(() => ok(page(['/a', '/b'])));
    const first = await pullInventory({ transport, cloud, scope: { subscriptions: ['s'] }, queries: ['resources'], clock: new Clock() });
    const before = JSON.stringify(first);
    const second = await pullInventory({
      transport,
      cloud,
      scope: { subscriptions: ['s'] },
      queries: ['resources'],
      clock: new Clock(),
      onProgress: () => {
        throw new Error('listener bug');
      },
      onPage: () => {
        throw new Error('consumer bug');
      },
    });
    expect(second.status).toBe('complete');
    expect(second).not.toBe(first);
    expect(JSON.stringify(first)).toBe(before);
    expect(() => {
      (first.rows as unknown[]).push({ id: '/x' });
    }).toThrow(TypeError);
    expect(() => {
      (first.rows[0] as Record<string, unknown>).id = '/changed';
    }).toThrow(TypeError);
  });

  it('redacts secrets in error messages', async () => {
    const transport = new Scripted(() => ({ status: 400, headers: {}, bodyText: JSON.stringify({ error: { code: 'BadRequest', message: 'echo Bearer abc.def.ghi and s3cr3t-canary-value' } }) }));
    const snapshot = await pullInventory({ transport, cloud, scope: {}, queries: ['resources'], clock: new Clock(), redact: (t) => t.replaceAll('s3cr3t-canary-value', '[redacted]') });
    expect(snapshot.errors[0]!.message).toBe('BadRequest: echo Bearer [redacted] and [redacted]');
  });
});
