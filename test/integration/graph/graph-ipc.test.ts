/**
 * The `graph:*` IPC channels end to end in Node: the real handlers and wrapper, the real
 * AzureSession with a device-code sign-in (MSAL Node), the real Graph client, against the
 * loopback Entra and Graph fakes. Events are captured where the app calls `webContents.send`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resolveCloud } from '../../../core/azure/clouds';
import { parseGraphSnapshot } from '../../../core/graph/snapshot';
import { events as eventSchemas, type EventName, type IpcResult } from '../../../core/ipc/contract';
import { createHandlers, type MainDeps } from '../../../electron/main/ipc/handlers';
import { registerHandlers, type IpcSenderEvent } from '../../../electron/main/ipc/register-handlers';
import { AzureSession } from '../../../node/azure/azure-session';
import { graphCloudFor, GraphPullRefusal } from '../../../node/graph/graph-pulls';
import { FakeEntra } from '../azure/fakes/fake-entra';
import { fakeSafeStorage } from '../azure/fakes/safe-storage';
import { loopbackCertificate } from '../azure/fakes/tls';
import { CLIENT_ID, TestClock } from '../azure/harness';
import { licenceGap, TENANT, wellConfiguredTenant } from '../../fixtures/graph/tenant';
import { FakeGraph } from './fakes/fake-graph';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const SENDER = 3;
const trusted: IpcSenderEvent = { sender: { id: SENDER }, senderFrame: { url: 'app://main/index.html', parent: null } };
const PIM_GAP = licenceGap('roleAssignmentSchedules');

interface Env {
  entra: FakeEntra;
  graph: FakeGraph;
  session: AzureSession;
  emitted: { event: EventName; payload: unknown }[];
  call: (channel: string, request: unknown) => Promise<IpcResult<unknown>>;
  finished: () => Promise<Record<string, unknown>>;
}

let env: Env | undefined;
afterEach(async () => {
  env?.session.dispose();
  await env?.graph.stop();
  await env?.entra.stop();
  env = undefined;
});

async function signedIn(): Promise<Env> {
  const entra = await new FakeEntra({ tenantId: TENANT, clientId: CLIENT_ID, clientSecret: 'unused-client-secret-123' }).start();
  const graph = await new FakeGraph({ entra, data: wellConfiguredTenant(), refuse: { roleAssignmentSchedules: { status: PIM_GAP.httpStatus!, code: PIM_GAP.code, message: PIM_GAP.message } } }).start();
  const { cert } = await loopbackCertificate();
  const emitted: Env['emitted'] = [];
  const session = new AzureSession({
    directory: path.join(await mkdtemp(path.join(os.tmpdir(), 'demarc-graph-ipc-')), 'azure'),
    safeStorage: fakeSafeStorage('gnome_libsecret'),
    platform: 'linux',
    tlsOptions: { ca: cert },
    allowCustomEndpointPorts: true,
    clock: new TestClock(),
    emit: (_senderId, event, payload) => emitted.push({ event, payload }),
  });
  const listeners = new Map<string, (event: IpcSenderEvent, request: unknown) => Promise<unknown>>();
  const deps = { azure: session, safeStorage: fakeSafeStorage('gnome_libsecret'), appInfo: { name: 'Demarc', version: '0', platform: 'linux', isPackaged: false, electronVersion: null } } as unknown as MainDeps;
  registerHandlers({ handle: (c, l) => listeners.set(c, l) }, createHandlers(deps), { trustedOrigins: ['app://main'], isOwnWebContents: (id) => id === SENDER }, () => undefined);
  const call = async (channel: string, request: unknown) => (await listeners.get(channel)!(trusted, request)) as IpcResult<unknown>;
  const signIn = await call('azure:sign-in', { method: 'device-code', target: { cloud: 'custom', armEndpoint: graph.endpoint, authorityHost: entra.authorityHost }, remember: false });
  expect(signIn.ok).toBe(true);
  const finished = async () => {
    await expect.poll(() => emitted.some((e) => e.event === 'graph:pull-finished'), { timeout: 20_000 }).toBe(true);
    return emitted.find((e) => e.event === 'graph:pull-finished')!.payload as Record<string, unknown>;
  };
  env = { entra, graph, session, emitted, call, finished };
  return env;
}

describe('graph:start-pull on the Azure sign-in', () => {
  it('streams progress per collection, then the whole snapshot with the licence gap; GET only, no secret in any event', async () => {
    const e = await signedIn();
    const started = await e.call('graph:start-pull', { graphEndpoint: e.graph.endpoint });
    expect(started.ok).toBe(true);
    const end = await e.finished();
    expect(end).toMatchObject({ status: 'complete', collection: null, message: null });
    const snapshot = parseGraphSnapshot(end.snapshot);
    expect(snapshot.demarcGraphSnapshot).toMatchObject({ tenantId: TENANT, source: 'pull', gaps: [PIM_GAP] });
    const progress = e.emitted.filter((x) => x.event === 'graph:pull-progressed').map((x) => (x.payload as { progress: { kind: string } }).progress.kind);
    expect(progress.filter((k) => k === 'collection-started')).toHaveLength(14);
    expect(progress.filter((k) => k === 'collection-gap')).toHaveLength(1);
    for (const x of e.emitted) expect(eventSchemas[x.event].payload.safeParse(x.payload).success).toBe(true);
    const text = JSON.stringify(e.emitted);
    for (const secret of e.entra.allSecrets) expect(text).not.toContain(secret);
    expect(e.graph.nonGetRequests).toEqual([]);
  });

  it('is cancelled when asked: no snapshot', async () => {
    const e = await signedIn();
    const started = (await e.call('graph:start-pull', { graphEndpoint: e.graph.endpoint })) as IpcResult<{ pullId: string }>;
    if (!started.ok) throw new Error(started.error.message);
    expect(await e.call('graph:cancel-pull', { pullId: started.data.pullId })).toEqual({ ok: true, data: { cancelled: true } });
    expect(await e.finished()).toMatchObject({ status: 'cancelled', snapshot: null });
  });

  it('refuses a second pull while one runs, a custom cloud without its Graph endpoint, and a request without a sign-in', async () => {
    const e = await signedIn();
    expect(await e.call('graph:start-pull', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await e.call('graph:start-pull', { graphEndpoint: 'http://graph.example' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await e.call('graph:start-pull', { graphEndpoint: e.graph.endpoint })).ok).toBe(true);
    expect(await e.call('graph:start-pull', { graphEndpoint: e.graph.endpoint })).toMatchObject({ ok: false, error: { code: 'busy' } });
    await e.finished();
    await e.call('azure:sign-out', {});
    expect(await e.call('graph:start-pull', { graphEndpoint: e.graph.endpoint })).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });
});

describe('graphCloudFor', () => {
  it("follows a named cloud's Graph and refuses another endpoint for it", () => {
    expect(graphCloudFor(resolveCloud({ cloud: 'usgov' }), undefined, false)).toMatchObject({ graphEndpoint: 'https://graph.microsoft.us', tokenScope: 'https://graph.microsoft.us/.default' });
    expect(() => graphCloudFor(resolveCloud({ cloud: 'public' }), 'https://graph.evil.example', false)).toThrow(GraphPullRefusal);
  });

  it('takes a custom Graph root on port 443 only, unless the fakes allow any port', () => {
    const custom = resolveCloud({ armEndpoint: 'https://arm.contoso.test', authorityHost: 'https://login.contoso.test' });
    expect(graphCloudFor(custom, 'https://graph.contoso.test/v1.0', false)).toMatchObject({ graphEndpoint: 'https://graph.contoso.test', authorityHost: 'https://login.contoso.test' });
    expect(() => graphCloudFor(custom, 'https://graph.contoso.test:8443', false)).toThrow(/443/);
    expect(graphCloudFor(custom, 'https://graph.contoso.test:8443', true).graphEndpoint).toBe('https://graph.contoso.test:8443');
  });
});
