/**
 * The `azure:*` IPC channels end to end: the real handlers, registered through the real
 * wrapper on a fake `ipcMain`, driving the real AzureSession, DeviceCodeCredential (MSAL
 * Node) and ResourceGraphClient against the loopback HTTPS fakes of Entra ID and Resource
 * Graph. Events are captured where the app would call `webContents.send`.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { snapshotMetaSchema } from '../../../core/azure/schemas';
import { channels, events as eventSchemas, type EventName, type IpcResult } from '../../../core/ipc/contract';
import { createHandlers, type MainDeps } from '../../../electron/main/ipc/handlers';
import { registerHandlers, type IpcSenderEvent } from '../../../electron/main/ipc/register-handlers';
import { AzureSession, type AzureSessionOptions } from '../../../node/azure/azure-session';
import { writeFileAtomic } from '../../../node/atomic-write';
import { FakeEntra, type FakeEntraOptions } from './fakes/fake-entra';
import { defaultRows, FakeResourceGraph, withTenantSubscriptions, type FakeResourceGraphOptions, type RowGenerator } from './fakes/fake-resource-graph';
import { fakeSafeStorage, type FakeSafeStorage } from './fakes/safe-storage';
import { loopbackCertificate } from './fakes/tls';
import { CLIENT_ID, subscriptionIds, TENANT_ID, TestClock } from './harness';

const SENDER = 7;
const trusted: IpcSenderEvent = { sender: { id: SENDER }, senderFrame: { url: 'app://main/index.html', parent: null } };
const SUBSCRIPTIONS = subscriptionIds(3);

/** Tenant-scope discovery sees SUBSCRIPTIONS; scoped queries get the fake's default rows. */
function rowsFor(resourcesPerSubscription: number): RowGenerator {
  return withTenantSubscriptions(SUBSCRIPTIONS, defaultRows(resourcesPerSubscription));
}

interface Emitted {
  senderId: number | undefined;
  event: EventName;
  payload: unknown;
}

interface Env {
  entra: FakeEntra;
  graph: FakeResourceGraph;
  target: { cloud: 'custom'; armEndpoint: string; authorityHost: string };
  directory: string;
  safeStorage: FakeSafeStorage;
  session: AzureSession;
  emitted: Emitted[];
  responses: unknown[];
  logs: string[];
  internalErrors: unknown[];
  /** Called for every emitted event (after it is recorded). */
  onEmit: ((e: Emitted) => void) | undefined;
  call: (channel: string, request: unknown, event?: IpcSenderEvent) => Promise<IpcResult<unknown>>;
  /** A new session on the same directory and safeStorage: what the app does after a restart. */
  restart: () => Env;
}

let env: Env | undefined;
const sessions: AzureSession[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const session of sessions.splice(0)) session.dispose();
  await env?.graph.stop();
  await env?.entra.stop();
  env = undefined;
});

async function setup(
  options: {
    entra?: Partial<FakeEntraOptions>;
    graph?: Omit<FakeResourceGraphOptions, 'entra'>;
    safeStorage?: FakeSafeStorage;
    session?: Partial<AzureSessionOptions>;
  } = {},
): Promise<Env> {
  const entra = await new FakeEntra({ tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: 'unused-client-secret-123', ...options.entra }).start();
  const graph = await new FakeResourceGraph({ entra, rows: rowsFor(5), ...options.graph }).start();
  const { cert } = await loopbackCertificate();
  const directory = path.join(await mkdtemp(path.join(os.tmpdir(), 'demarc-azure-session-')), 'azure');
  const safeStorage = options.safeStorage ?? fakeSafeStorage('gnome_libsecret');
  const shared = { emitted: [] as Emitted[], responses: [] as unknown[], logs: [] as string[], internalErrors: [] as unknown[] };

  const build = (): Env => {
    const clock = new TestClock();
    clock.onSleep = (ms) => graph.advance(ms);
    const session = new AzureSession({
      directory,
      safeStorage,
      platform: 'linux',
      tlsOptions: { ca: cert },
      allowCustomEndpointPorts: true,
      clock,
      log: (line) => shared.logs.push(line),
      emit: (senderId, event, payload) => {
        const record = { senderId, event, payload };
        shared.emitted.push(record);
        built.onEmit?.(record);
      },
      ...options.session,
    });
    sessions.push(session);
    const registered = new Map<string, (event: IpcSenderEvent, request: unknown) => Promise<unknown>>();
    const deps: MainDeps = {
      appInfo: { name: 'Demarc', version: '0.0.0-test', platform: 'linux', isPackaged: false, electronVersion: null },
      openExternal: async () => undefined,
      showSaveDialog: async () => ({ canceled: true }),
      writeFile: writeFileAtomic,
      openPath: async () => '',
      showOpenFolderDialog: async () => ({ canceled: true, filePaths: [] }),
      safeStorage,
      azure: session,
    };
    registerHandlers(
      { handle: (channel, listener) => registered.set(channel, listener) },
      createHandlers(deps),
      { trustedOrigins: ['app://main'], isOwnWebContents: (id) => id === SENDER },
      (_channel, error) => shared.internalErrors.push(error),
    );
    const built: Env = {
      entra,
      graph,
      target: { cloud: 'custom', armEndpoint: graph.armEndpoint, authorityHost: entra.authorityHost },
      directory,
      safeStorage,
      session,
      ...shared,
      onEmit: undefined,
      call: async (channel, request, event = trusted) => {
        const listener = registered.get(channel);
        if (!listener) throw new Error(`no handler for ${channel}`);
        const result = (await listener(event, request)) as IpcResult<unknown>;
        shared.responses.push(result);
        return result;
      },
      restart: build,
    };
    return built;
  };
  env = build();
  return env;
}

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function data<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

function errorOf(result: IpcResult<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data).slice(0, 200)}`);
  return result.error;
}

async function signIn(e: Env, extra: Record<string, unknown> = {}) {
  return e.call('azure:sign-in', { method: 'device-code', target: e.target, remember: false, ...extra });
}

function eventsOf(e: Env, name: EventName, pullId?: string): Record<string, unknown>[] {
  return e.emitted
    .filter((x) => x.event === name && (pullId === undefined || (x.payload as { pullId?: string }).pullId === pullId))
    .map((x) => x.payload as Record<string, unknown>);
}

async function finished(e: Env, pullId: string) {
  const payload = await waitFor(() => eventsOf(e, 'azure:pull-finished', pullId)[0], `pull ${pullId} to finish`);
  return snapshotMetaSchema.parse((payload as { snapshot: unknown }).snapshot);
}

async function listFiles(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).sort();
  } catch {
    return [];
  }
}

describe('azure:* channels against the Entra and Resource Graph fakes', () => {
  it('signs in with a device code shown through an event, then answers get-session', async () => {
    const e = await setup();
    const before = data<Record<string, unknown>>(await e.call('azure:get-session', {}));
    expect(before).toEqual({ signedIn: false, account: null, remembered: false, canRemember: true, reason: null, notice: null, activePullId: null });

    const session = data<Record<string, unknown>>(await signIn(e));
    expect(session).toMatchObject({
      signedIn: true,
      remembered: false,
      account: { username: 'consultant@contoso.example', tenantId: TENANT_ID, cloud: 'custom', armEndpoint: e.graph.armEndpoint, method: 'device-code' },
    });
    const prompts = e.emitted.filter((x) => x.event === 'azure:device-code-issued');
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.senderId).toBe(SENDER);
    const issued = e.entra.deviceCodes[0]!;
    expect(prompts[0]!.payload).toEqual({
      userCode: issued.userCode,
      verificationUri: `${e.entra.authorityHost}/devicelogin`,
      message: expect.stringContaining(issued.userCode),
    });
    // The token scope follows the ARM endpoint; instance discovery is off for a custom host.
    expect(issued.scope).toContain(`${e.graph.armEndpoint}/.default`);
    expect(e.entra.metadataRequests).not.toContain('/common/discovery/instance');
    expect(data(await e.call('azure:get-session', {}))).toEqual(session);
    // Not remembered: nothing on disk.
    expect(await listFiles(e.directory)).toEqual([]);
  });

  it('lists subscriptions and management groups from resourcecontainers', async () => {
    const e = await setup();
    data(await signIn(e));
    const scopes = data<{ status: string; subscriptions: { subscriptionId: string }[]; managementGroups: { name: string }[]; errors: unknown[] }>(
      await e.call('azure:discover-scopes', {}),
    );
    expect(scopes.status).toBe('complete');
    expect(scopes.subscriptions.map((s) => s.subscriptionId)).toEqual(SUBSCRIPTIONS);
    expect(scopes.managementGroups.map((m) => m.name)).toEqual(['root-mg']);
    expect(scopes.errors).toEqual([]);
    expect(e.graph.requests.every((r) => /^resourcecontainers/.test(r.query))).toBe(true);
  });

  it('streams pages, progress and the finished snapshot to the sender, every row exactly once', async () => {
    const e = await setup({ graph: { rows: rowsFor(1234) } });
    data(await signIn(e));
    const { pullId } = data<{ pullId: string }>(
      await e.call('azure:start-pull', { subscriptions: SUBSCRIPTIONS.slice(0, 2), managementGroups: [], queries: ['resources', 'resource-containers'] }),
    );
    expect(data<{ activePullId: string | null }>(await e.call('azure:get-session', {})).activePullId).toBe(pullId);
    const snapshot = await finished(e, pullId);
    expect(snapshot.status).toBe('complete');

    const pages = eventsOf(e, 'azure:pull-page-received', pullId) as { snapshotId: string; queryId: string; rows: { id: string }[] }[];
    expect(pages.map((p) => p.queryId)).toEqual(['resources', 'resources', 'resources', 'resource-containers']);
    expect(pages.every((p) => p.snapshotId === snapshot.id)).toBe(true);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id.toLowerCase()));
    expect(ids).toHaveLength(2 * 1234 + 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(snapshot.totals.rows).toBe(ids.length);
    expect(snapshot.queries.map((q) => [q.queryId, q.rows, q.pages])).toEqual([
      ['resources', 2468, 3],
      ['resource-containers', 2, 1],
    ]);

    const progress = eventsOf(e, 'azure:pull-progressed', pullId).map((p) => (p as { progress: { kind: string } }).progress);
    expect(progress[0]).toMatchObject({ kind: 'started', snapshotId: snapshot.id });
    expect(progress.filter((p) => p.kind === 'page')).toHaveLength(4);
    expect(progress.at(-1)).toMatchObject({ kind: 'finished', status: 'complete', totalRows: ids.length });
    // Order: every page and progress event before the one finished event; all to the sender.
    const mine = e.emitted.filter((x) => (x.payload as { pullId?: string }).pullId === pullId);
    expect(mine.at(-1)!.event).toBe('azure:pull-finished');
    expect(mine.filter((x) => x.event === 'azure:pull-finished')).toHaveLength(1);
    expect(mine.every((x) => x.senderId === SENDER)).toBe(true);
    for (const x of mine) eventSchemas[x.event].payload.parse(x.payload);
    expect(data<{ activePullId: string | null }>(await e.call('azure:get-session', {})).activePullId).toBeNull();
  });

  it('cancels mid-pull: a cancelled snapshot with exactly the rows that were streamed', async () => {
    const e = await setup({ graph: { rows: rowsFor(2500) } });
    data(await signIn(e));
    e.onEmit = (x) => {
      if (x.event === 'azure:pull-page-received') {
        e.onEmit = undefined;
        void e.call('azure:cancel-pull', { pullId: (x.payload as { pullId: string }).pullId });
      }
    };
    const { pullId } = data<{ pullId: string }>(await e.call('azure:start-pull', { subscriptions: SUBSCRIPTIONS, managementGroups: [] }));
    const snapshot = await finished(e, pullId);
    expect(snapshot.status).toBe('cancelled');
    const streamed = eventsOf(e, 'azure:pull-page-received', pullId).flatMap((p) => (p as { rows: unknown[] }).rows);
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed.length).toBeLessThan(3 * 2500);
    expect(snapshot.totals.rows).toBe(streamed.length);
    expect(e.responses).toContainEqual({ ok: true, data: { cancelled: true } });
    // A finished pull cannot be cancelled again.
    expect(data(await e.call('azure:cancel-pull', { pullId }))).toEqual({ cancelled: false });
  });

  it('refuses a second pull while one runs (busy), and signing in again meanwhile', async () => {
    const e = await setup();
    data(await signIn(e));
    let stalled = false;
    e.graph.onRequest = (ctx) => (ctx.index === 1 ? { kind: 'stall-mid-body', onStalled: () => (stalled = true) } : undefined);
    const { pullId } = data<{ pullId: string }>(await e.call('azure:start-pull', { subscriptions: SUBSCRIPTIONS, managementGroups: [] }));
    await waitFor(() => (stalled ? true : undefined), 'the first request to stall');
    const second = errorOf(await e.call('azure:start-pull', { subscriptions: SUBSCRIPTIONS, managementGroups: [] }));
    expect(second.code).toBe('busy');
    expect(second.message).toContain(pullId);
    expect(errorOf(await signIn(e)).code).toBe('busy');
    expect(data(await e.call('azure:cancel-pull', { pullId }))).toEqual({ cancelled: true });
    expect((await finished(e, pullId)).status).toBe('cancelled');
    // Free again.
    const next = data<{ pullId: string }>(await e.call('azure:start-pull', { subscriptions: SUBSCRIPTIONS.slice(0, 1), managementGroups: [], queries: ['resources'] }));
    expect((await finished(e, next.pullId)).status).toBe('complete');
  });

  it('answers not-signed-in before a sign-in, and a clear error for a wrong tenant', async () => {
    const e = await setup();
    expect(errorOf(await e.call('azure:discover-scopes', {})).code).toBe('not-signed-in');
    expect(errorOf(await e.call('azure:start-pull', { subscriptions: SUBSCRIPTIONS, managementGroups: [] })).code).toBe('not-signed-in');
    const wrong = errorOf(await signIn(e, { tenantId: 'fabrikam-nosuch.example.com' }));
    expect(wrong.code).toBe('sign-in-failed');
    expect(wrong.message).toMatch(/tenant was not found/);
    expect(data<{ signedIn: boolean }>(await e.call('azure:get-session', {})).signedIn).toBe(false);
  });

  it('cancels a sign-in that waits for the device code, and refuses a second one meanwhile', async () => {
    const e = await setup({ entra: { deviceCodeApproval: 'manual' } });
    const pending = signIn(e);
    await waitFor(() => e.emitted.find((x) => x.event === 'azure:device-code-issued'), 'the device code');
    expect(errorOf(await signIn(e)).code).toBe('busy');
    expect(data(await e.call('azure:cancel-sign-in', {}))).toEqual({ cancelled: true });
    const result = errorOf(await pending);
    expect(result).toEqual({ code: 'cancelled', message: 'Sign-in was cancelled.' });
    expect(data(await e.call('azure:cancel-sign-in', {}))).toEqual({ cancelled: false });
    expect(e.entra.deviceCodes[0]!.redeemed).toBe(false);
  });

  it('refuses remember on the basic_text backend, says why, and writes nothing', async () => {
    const e = await setup({ safeStorage: fakeSafeStorage('basic_text') });
    const state = data<{ canRemember: boolean; reason: string }>(await e.call('azure:get-session', {}));
    expect(state.canRemember).toBe(false);
    expect(state.reason).toMatch(/keyring/i);
    const refused = errorOf(await signIn(e, { remember: true }));
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/will not remember.*keyring/i);
    expect(e.entra.deviceCodes).toHaveLength(0);
    expect(await listFiles(e.directory)).toEqual([]);
    expect(e.safeStorage.calls).toEqual([]);
    // Without remembering, the same machine signs in fine.
    expect(data<{ signedIn: boolean; remembered: boolean }>(await signIn(e))).toMatchObject({ signedIn: true, remembered: false });
    expect(await listFiles(e.directory)).toEqual([]);
  });

  it('remembers a sign-in encrypted, restores it silently after a restart, and forgets it on sign-out', async () => {
    const e = await setup();
    const session = data<Record<string, unknown>>(await signIn(e, { remember: true }));
    expect(session).toMatchObject({ signedIn: true, remembered: true });
    const files = await listFiles(e.directory);
    expect(files).toEqual(['authentication-record.json', 'azure-session.json', 'demarc.cache.bin']);
    for (const file of files) {
      const raw = await readFile(path.join(e.directory, file));
      for (const secret of e.entra.allSecrets) expect(raw.includes(Buffer.from(secret)), `${file} holds a secret`).toBe(false);
    }
    expect(e.safeStorage.calls).toContain('encrypt');
    const record = JSON.parse(await readFile(path.join(e.directory, 'authentication-record.json'), 'utf8'));
    expect(record).toMatchObject({ username: 'consultant@contoso.example', tenantId: TENANT_ID });

    // Restart: a new session object on the same folder signs in from the record + cache.
    const tokenRequestsBefore = e.entra.tokenRequests.length;
    const restarted = e.restart();
    const restored = data<Record<string, unknown>>(await restarted.call('azure:get-session', {}));
    expect(restored).toEqual({ ...session, notice: null, activePullId: null });
    expect(e.entra.tokenRequests).toHaveLength(tokenRequestsBefore);
    expect(e.entra.deviceCodes).toHaveLength(1);
    expect(e.safeStorage.calls).toContain('decrypt');
    const scopes = data<{ subscriptions: unknown[] }>(await restarted.call('azure:discover-scopes', {}));
    expect(scopes.subscriptions).toHaveLength(3);
    expect(e.emitted.filter((x) => x.event === 'azure:device-code-issued')).toHaveLength(1);

    const out = data<Record<string, unknown>>(await restarted.call('azure:sign-out', {}));
    expect(out).toMatchObject({ signedIn: false, remembered: false, account: null });
    expect(await listFiles(e.directory)).toEqual([]);
    const again = e.restart();
    expect(data<{ signedIn: boolean; remembered: boolean }>(await again.call('azure:get-session', {}))).toMatchObject({ signedIn: false, remembered: false });
  });

  it('keeps who was remembered but asks to sign in again when the cache is gone', async () => {
    const e = await setup();
    data(await signIn(e, { remember: true }));
    for (const file of await listFiles(e.directory)) if (file.endsWith('.cache.bin')) await rm(path.join(e.directory, file));
    const restarted = e.restart();
    const state = data<{ signedIn: boolean; remembered: boolean; account: { username: string } | null; notice: string | null }>(
      await restarted.call('azure:get-session', {}),
    );
    expect(state.signedIn).toBe(false);
    expect(state.remembered).toBe(true);
    expect(state.account?.username).toBe('consultant@contoso.example');
    expect(state.notice).toMatch(/sign in to azure again/i);
    expect(e.entra.deviceCodes).toHaveLength(1); // no prompt nobody asked for
    expect(errorOf(await restarted.call('azure:discover-scopes', {})).code).toBe('not-signed-in');
  });

  it('refuses untrusted senders and malformed requests before any handler runs', async () => {
    const e = await setup();
    data(await signIn(e));
    const requestsBefore = e.graph.requests.length;
    const subFrame: IpcSenderEvent = { sender: { id: SENDER }, senderFrame: { url: 'app://main/index.html', parent: {} } };
    const otherWindow: IpcSenderEvent = { sender: { id: 99 }, senderFrame: { url: 'app://main/index.html', parent: null } };
    const good = { subscriptions: SUBSCRIPTIONS, managementGroups: [] };
    expect(errorOf(await e.call('azure:start-pull', good, subFrame)).code).toBe('untrusted-sender');
    expect(errorOf(await e.call('azure:start-pull', good, otherWindow)).code).toBe('untrusted-sender');
    expect(errorOf(await e.call('azure:sign-out', {}, otherWindow)).code).toBe('untrusted-sender');
    for (const bad of [
      { ...good, query: 'resources | project id, properties' },
      { ...good, kql: 'securityresources' },
      { ...good, queries: ['resources | where 1 == 1'] },
      { subscriptions: ["00000000-0000-0000-0000-000000000000' or 1==1"], managementGroups: [] },
      { subscriptions: ['not-a-guid'], managementGroups: [] },
      { subscriptions: [], managementGroups: ['mg/../../x'] },
      { subscriptions: [], managementGroups: [] },
      { subscriptions: SUBSCRIPTIONS },
    ]) {
      const result = await e.call('azure:start-pull', bad);
      expect(errorOf(result).code, JSON.stringify(bad)).toBe('invalid-request');
    }
    for (const bad of [
      { method: 'service-principal', target: e.target, remember: false },
      { method: 'device-code', target: { cloud: 'custom', armEndpoint: 'http://127.0.0.1:1', authorityHost: e.entra.authorityHost }, remember: false },
      { method: 'device-code', target: { cloud: 'public' }, remember: false, clientSecret: 'x' },
      { method: 'device-code', target: { cloud: 'mars' }, remember: false },
    ]) {
      expect(errorOf(await e.call('azure:sign-in', bad)).code, JSON.stringify(bad)).toBe('invalid-request');
    }
    expect(errorOf(await e.call('azure:cancel-pull', { pullId: '' })).code).toBe('invalid-request');
    expect(e.graph.requests.length).toBe(requestsBefore);
    // The request schema is the contract's.
    expect(channels['azure:start-pull'].request.safeParse(good).success).toBe(true);
  });
});

describe('no token, refresh token or device code leaves the main process', () => {
  function captureConsole(): string[] {
    const lines: string[] = [];
    const record = (...args: unknown[]): void => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.message} ${a.stack ?? ''}` : JSON.stringify(a) ?? String(a))).join(' '));
    };
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(record);
    return lines;
  }

  it('keeps every issued secret out of IPC answers, events, snapshots, errors, logs and files', async () => {
    const e = await setup({ graph: { rows: rowsFor(1100) } });
    const output = captureConsole();
    // Resource Graph echoes the bearer token in error bodies of two queries.
    e.graph.onRequest = (ctx) => {
      if (ctx.table === 'securityresources' && ctx.query.includes('pricings')) {
        return { kind: 'status', status: 403, body: { error: { code: 'AuthorizationFailed', message: `Authorization: Bearer ${ctx.token} has no access; raw=${ctx.token}` } } };
      }
      if (ctx.table === 'authorizationresources') {
        return { kind: 'status', status: 400, body: { error: { code: 'BadRequest', message: `{"access_token":"${ctx.token}"} token=${ctx.token}` } } };
      }
      return undefined;
    };
    data(await signIn(e, { remember: true }));
    data(await e.call('azure:discover-scopes', {}));
    const { pullId } = data<{ pullId: string }>(await e.call('azure:start-pull', { subscriptions: SUBSCRIPTIONS.slice(0, 2), managementGroups: [] }));
    const snapshot = await finished(e, pullId);
    expect(snapshot.status).toBe('partial');
    expect(snapshot.errors.map((x) => x.code)).toEqual(expect.arrayContaining(['forbidden', 'bad-request']));
    expect(snapshot.errors.find((x) => x.code === 'forbidden')!.message).toContain('[redacted]');
    // A restart restores from the cache, a sign-out deletes it: more messages to check.
    const restarted = e.restart();
    data(await restarted.call('azure:get-session', {}));
    data(await restarted.call('azure:sign-out', {}));
    errorOf(await restarted.call('azure:discover-scopes', {}));
    errorOf(await signIn(restarted, { tenantId: 'nosuch-tenant.example.com' }));
    vi.restoreAllMocks();

    const secrets = e.entra.allSecrets;
    expect(e.entra.issuedTokens.length).toBeGreaterThan(0);
    expect(e.entra.issuedRefreshTokens.length).toBeGreaterThan(0);
    expect(e.entra.deviceCodes.length).toBeGreaterThan(0);
    const haystacks = [
      ...e.responses.map((r) => JSON.stringify(r)),
      ...e.emitted.map((x) => JSON.stringify(x)),
      ...e.logs,
      ...output,
      ...e.internalErrors.map((x) => String(x)),
      JSON.stringify(snapshot),
    ];
    expect(e.emitted.length).toBeGreaterThan(10);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(10);
      for (const text of haystacks) expect(text.includes(secret), `leaked ${secret.slice(0, 22)}… in ${text.slice(0, 160)}`).toBe(false);
    }
  });
});
