/**
 * The Graph collector end to end: real ClientSecretCredential + real Graph client (auth
 * provider, page iterator, Demarc's retry and HTTPS hops) against the loopback fakes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GRAPH_COLLECTIONS } from '../../../core/graph/collections';
import { parseGraphSnapshot, rowsOf } from '../../../core/graph/snapshot';
import { createGraphClient } from '../../../node/graph/graph-client';
import { GraphRequestRefusedError } from '../../../node/graph/middleware';
import { memberId, userObject, registrationObject, wellConfiguredTenant } from '../../fixtures/graph/tenant';
import { startGraphHarness, type GraphHarness } from './harness';

let h: GraphHarness | undefined;
afterEach(async () => {
  // Whatever a test did, Demarc never sent anything but GET.
  expect(h?.graph.nonGetRequests ?? []).toEqual([]);
  await h?.stop();
  h = undefined;
});

function tenantWithMembers(n: number): ReturnType<typeof wellConfiguredTenant> {
  const data = wellConfiguredTenant();
  const members = Array.from({ length: n }, (_, i) => ({ id: memberId(i), upn: `user${i}@contoso.example`, name: `User ${i}` }));
  data.users = [...(data.users as Record<string, unknown>[]), ...members.map(userObject)];
  data.userRegistrationDetails = [...(data.userRegistrationDetails as Record<string, unknown>[]), ...members.map((m) => registrationObject(m))];
  return data;
}

describe('Graph pull', () => {
  it('reads every collection, following whole @odata.nextLink URLs, into a frozen tenant-scoped snapshot', async () => {
    h = await startGraphHarness({ graph: { data: tenantWithMembers(245), pageSize: 100 } });
    const result = await h.pull();
    expect(result.status).toBe('complete');
    if (result.status !== 'complete') return;
    const { snapshot } = result;
    expect(snapshot.demarcGraphSnapshot.tenantId).toBe('11111111-2222-3333-4444-555555555555');
    expect(snapshot.demarcGraphSnapshot.tenantName).toBe('Contoso');
    expect(snapshot.demarcGraphSnapshot.gaps).toEqual([]);
    expect(snapshot.demarcGraphSnapshot.collections.map((c) => c.collection)).toEqual(GRAPH_COLLECTIONS.map((c) => c.id));
    expect(rowsOf(snapshot, 'users')).toHaveLength(250);
    expect(snapshot.demarcGraphSnapshot.collections.find((c) => c.collection === 'users')).toMatchObject({ rows: 250, pages: 3 });
    expect(rowsOf(snapshot, 'users')[0]).toMatchObject({ type: 'microsoft.graph/users', id: expect.any(String) });
    expect(rowsOf(snapshot, 'authorizationPolicy')[0]!.id).toBe('authorizationPolicy');
    // Page 2 and 3 were requested by the nextLink as given: $select and $top kept, $skiptoken added.
    const userPages = h.graph.requests.filter((r) => new URL(r.url).pathname === '/v1.0/users');
    expect(userPages.map((r) => new URL(r.url).searchParams.get('$skiptoken'))).toEqual([null, '100', '200']);
    expect(userPages.every((r) => new URL(r.url).searchParams.get('$select')?.includes('onPremisesSyncEnabled'))).toBe(true);
    expect(Object.isFrozen(snapshot.data[0]!.object)).toBe(true);
    // The file round-trips through the schema.
    expect(parseGraphSnapshot(JSON.parse(JSON.stringify(snapshot))).data).toHaveLength(snapshot.data.length);
    // The token scope is the Graph endpoint's.
    expect(h.entra.tokenRequests.at(-1)?.scope).toContain(`${h.cloud.graphEndpoint}/.default`);
  });

  it('waits Retry-After on 429 and backs off on a 429 without it', async () => {
    h = await startGraphHarness({
      graph: {
        faults: [
          { collection: 'users', fault: { kind: 'throttle', retryAfter: '2.5' } },
          { collection: 'conditionalAccessPolicies', fault: { kind: 'throttle' } },
        ],
      },
    });
    const result = await h.pull();
    expect(result.status).toBe('complete');
    expect(h.clock.sleeps[0]).toBe(500 + 500 * 0.5); // backoff (no header) for the CA bucket, which comes first
    expect(h.clock.sleeps).toContain(2500);
    expect(h.events.filter((e) => e.kind === 'retrying').map((e) => e.kind === 'retrying' && e.collection)).toEqual(['conditionalAccessPolicies', 'users']);
  });

  it('records licence- and permission-gated collections as gaps with Graph’s code and message, and completes', async () => {
    h = await startGraphHarness({
      graph: {
        refuse: {
          roleEligibilitySchedules: { status: 400, code: 'AadPremiumLicenseRequired', message: 'The tenant needs an AAD Premium 2 license.' },
          userRegistrationDetails: { status: 403, code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: "Neither tenant is B2C or tenant doesn't have premium license" },
          sharepointSettings: { status: 403, code: 'accessDenied', message: 'Either scp or roles claim need to be present in the token.' },
        },
      },
    });
    const result = await h.pull();
    expect(result.status).toBe('complete');
    if (result.status !== 'complete') return;
    expect(result.snapshot.demarcGraphSnapshot.gaps).toEqual([
      { collection: 'roleEligibilitySchedules', type: 'microsoft.graph/roleeligibilityschedules', kind: 'licence', httpStatus: 400, code: 'AadPremiumLicenseRequired', message: 'The tenant needs an AAD Premium 2 license.' },
      { collection: 'userRegistrationDetails', type: 'microsoft.graph/userregistrationdetails', kind: 'licence', httpStatus: 403, code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: "Neither tenant is B2C or tenant doesn't have premium license" },
      { collection: 'sharepointSettings', type: 'microsoft.graph/sharepointsettings', kind: 'permission', httpStatus: 403, code: 'accessDenied', message: 'Either scp or roles claim need to be present in the token.' },
    ]);
    expect(rowsOf(result.snapshot, 'userRegistrationDetails')).toEqual([]);
    expect(rowsOf(result.snapshot, 'users').length).toBeGreaterThan(0);
  });

  it('retries 5xx and dropped connections, and fails the pull when they persist', async () => {
    h = await startGraphHarness({
      graph: {
        faults: [
          { collection: 'organization', fault: { kind: 'server-error', status: 500 } },
          { collection: 'roleDefinitions', fault: { kind: 'server-error', status: 503 } },
          { collection: 'users', fault: { kind: 'reset' } },
        ],
      },
    });
    expect((await h.pull()).status).toBe('complete');
    expect(h.events.filter((e) => e.kind === 'retrying')).toHaveLength(3);
    await h.stop();

    h = await startGraphHarness({ graph: { faults: Array.from({ length: 5 }, () => ({ collection: 'users' as const, fault: { kind: 'server-error' as const, status: 502 as const } })) } });
    const failed = await h.pull();
    expect(failed).toMatchObject({ status: 'failed', collection: 'users', signIn: false });
    expect(failed.status === 'failed' && failed.message).toMatch(/HTTP 502/);
  });

  it('gets a fresh token when Graph says the token expired mid-pull', async () => {
    h = await startGraphHarness({ graph: { data: tenantWithMembers(150), faults: [{ collection: 'users', page: 2, fault: { kind: 'expire-token' } }] } });
    const result = await h.pull();
    expect(result.status).toBe('complete');
    if (result.status !== 'complete') return;
    expect(rowsOf(result.snapshot, 'users')).toHaveLength(155);
    const grants = h.entra.tokenRequests.filter((r) => r.ok);
    expect(grants).toHaveLength(2);
    expect(grants[1]!.hasClaims).toBe(true); // past MSAL's cache
  });

  it('stops at once when cancelled and returns no snapshot', async () => {
    h = await startGraphHarness({ graph: { data: tenantWithMembers(500), pageSize: 100 } });
    const controller = new AbortController();
    const result = await h.pull({
      signal: controller.signal,
      onExchange: (x) => {
        if (new URL(x.url).searchParams.get('$skiptoken') === '200') controller.abort();
      },
    });
    expect(result).toEqual({ status: 'cancelled' });
    const afterCancel = h.graph.requests.filter((r) => new URL(r.url).pathname !== '/v1.0/users' && GRAPH_COLLECTIONS.findIndex((c) => `/v1.0${c.path.split('?')[0]}` === new URL(r.url).pathname) > 8);
    expect(afterCancel).toEqual([]);
    expect(h.graph.requests.filter((r) => new URL(r.url).searchParams.get('$skiptoken') === '300')).toEqual([]);
  });

  it('a cancel interrupts a Retry-After wait', async () => {
    h = await startGraphHarness({ graph: { faults: [{ collection: 'organization', fault: { kind: 'throttle', retryAfter: '120' } }] } });
    const controller = new AbortController();
    // A clock whose sleeps end only when the signal aborts: without a cancellable wait the pull would hang.
    const clock = { now: () => Date.now(), random: () => 0.5, sleep: (_ms: number, signal?: AbortSignal) => new Promise<void>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true })) };
    const result = await h.pull({
      clock,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.kind === 'retrying') setTimeout(() => controller.abort(), 10);
      },
    });
    expect(result).toEqual({ status: 'cancelled' });
    expect(h.graph.requests).toHaveLength(1);
  });

  it('keeps the client secret and every token out of results, events, snapshots and errors', async () => {
    h = await startGraphHarness({ graph: { refuse: { secureScores: { status: 403, code: 'Forbidden', message: 'token {token} lacks SecurityEvents.Read.All' } } } });
    const ok = await h.pull();
    expect(ok.status === 'complete' && ok.snapshot.demarcGraphSnapshot.gaps[0]?.message).toBe('token [redacted] lacks SecurityEvents.Read.All');
    for (const token of h.entra.issuedTokens) expect(JSON.stringify(ok)).not.toContain(token);
    const exchanges: unknown[] = [];
    const text = JSON.stringify([ok, h.events]);
    await h.stop();

    h = await startGraphHarness({ entra: { echoSecretInErrors: true }, presentedSecret: `canary-wrong-${'x'.repeat(24)}` });
    const failed = await h.pull({ onExchange: (x) => exchanges.push(x) });
    expect(failed).toMatchObject({ status: 'failed', signIn: true });
    const all = `${text}${JSON.stringify([failed, exchanges, h.events])}`;
    expect(all).not.toContain(`canary-wrong-${'x'.repeat(24)}`);
    expect(failed.status === 'failed' && failed.message).toMatch(/AADSTS7000215/);
    for (const secret of h.entra.allSecrets) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/canary-access-token|canary-secret-/);
  });

  it('refuses any method but GET, and any host but the Graph endpoint, before sending', async () => {
    h = await startGraphHarness();
    const { client, close } = createGraphClient({ signIn: h.signIn, cloud: h.cloud, tlsOptions: { ca: h.ca }, clock: h.clock });
    try {
      for (const send of [() => client.api('/users').post({}), () => client.api('/users/x').patch({}), () => client.api('/users/x').delete(), () => client.api('/users/x').put({})]) {
        const error = await send().catch((e: unknown) => e);
        expect(String((error as Error).message)).toMatch(/only reads Microsoft Graph/);
      }
      const elsewhere = await client.api('https://graph.microsoft.com/v1.0/users').get().catch((e: unknown) => e);
      expect((elsewhere as Error).message).toMatch(/refused a request outside/);
      expect(GraphRequestRefusedError.name).toBe('GraphRequestRefusedError');
    } finally {
      close();
    }
    expect(h.graph.requests).toEqual([]);
  });
});
