/**
 * The Azure side of the desktop app's main process: one sign-in at a time, remembered
 * across restarts when the OS can encrypt it, scope discovery, and Resource Graph pulls
 * streamed to the window that asked for them (docs/SECURITY.md row 16: tokens stay here).
 *
 * - Sign-in: browser (the system browser, opened by `@azure/identity`'s own opener — the
 *   `open` package — with MSAL's loopback redirect and PKCE), device code (the code goes to
 *   the renderer as an `azure:device-code-issued` event) or the Azure CLI's login.
 * - Remembering: the non-secret `AuthenticationRecord` + a small session descriptor
 *   (method, cloud, tenant) as JSON, and MSAL's token cache encrypted with `safeStorage`.
 *   Refused, with the reason, when the policy says the OS cannot protect it (`basic_text`).
 * - Pulls: one at a time per session (a second is refused with `busy`: Resource Graph's
 *   quota is per user, two pulls would only slow each other down). Pages stream out as
 *   `azure:pull-page-received`, progress as `azure:pull-progressed`, then exactly one
 *   `azure:pull-finished` (snapshot metadata) or, on a defect, `azure:pull-failed`.
 * - Every response and event passes through the session's {@link SecretRedactor}, which
 *   knows every token any of its sign-ins was issued, and is checked against the contract.
 *
 * Electron is not imported: the safeStorage, the data directory and `emit` are injected,
 * so this runs under Vitest and in the browser e2e harness exactly as in the app.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AuthenticationRecord } from '@azure/identity';
import { CloudConfigError, resolveCloud, type ResolvedCloud } from '../../core/azure/clouds';
import { discoverScopes } from '../../core/azure/discovery';
import { pullInventory, snapshotMeta } from '../../core/azure/pull';
import { SecretRedactor, redactDeep, safeErrorMessage } from '../../core/azure/redact';
import type { PullClock, RetryLimits } from '../../core/azure/retry-policy';
import { TransportError, type ResourceGraphTransport } from '../../core/azure/transport';
import {
  cloudTargetSchema,
  events,
  type ChannelRequest,
  type ChannelResponse,
  type EventName,
  type EventPayload,
  type IpcErrorCode,
} from '../../core/ipc/contract';
import { writeFileAtomic } from '../atomic-write';
import { GraphPullRefusal, GraphPulls } from '../graph/graph-pulls';
import { createSignIn, SignInConfigError, type AzureSignIn, type ExtraTlsOptions, type SignInOptions } from './credentials';
import { createResourceGraphTransport } from './resource-graph-transport';
import {
  createAuthenticationRecordStore,
  forgetSignIn,
  registerSafeStorageTokenCache,
  tokenCachePolicy,
  type AuthenticationRecordStore,
  type SafeStorageCrypto,
} from './token-cache';

export type AzureSessionState = ChannelResponse<'azure:get-session'>;
export type AzureSignInRequest = ChannelRequest<'azure:sign-in'>;
export type AzurePullRequest = ChannelRequest<'azure:start-pull'>;
export type AzureDiscoveredScopes = ChannelResponse<'azure:discover-scopes'>;
export type AppSignInMethod = AzureSignInRequest['method'];

/**
 * Sends an event to the renderer: in the app `webContents.fromId(senderId).send(event,
 * payload)`; `senderId` is the web contents that made the request (undefined: all windows).
 */
export type AzureEventEmitter = <E extends EventName>(senderId: number | undefined, event: E, payload: EventPayload<E>) => void;

/** A refusal or failure meant for the renderer: `code` and `message` (redacted) reach it. */
export class AzureSessionError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AzureSessionError';
  }
}

/** Input of {@link AzureSession}. */
export interface AzureSessionOptions {
  /** A private directory for the remembered sign-in, e.g. `path.join(app.getPath('userData'), 'azure')`. */
  directory: string;
  /** Electron's `safeStorage` (or a stand-in in tests). */
  safeStorage: SafeStorageCrypto;
  /** `process.platform`. */
  platform: string;
  emit: AzureEventEmitter;
  /** Operational log (already redacted lines); default: nothing. */
  log?: (line: string) => void;
  /** Public client id for browser and device code; default the Azure CLI's well-known app. */
  clientId?: string;
  /** Extra trusted CAs for Entra and ARM. Tests only (the loopback fakes' certificate). */
  tlsOptions?: ExtraTlsOptions;
  /**
   * Accept custom endpoints on a port other than 443. Tests only (the loopback fakes listen
   * on a random port); the app never sets it, so a renderer cannot send the sign-in elsewhere.
   */
  allowCustomEndpointPorts?: boolean;
  /** Replaces {@link createSignIn} (tests: the e2e harness's "no network" default). */
  createSignIn?: (options: SignInOptions) => AzureSignIn;
  /** Pull clock and retry limits (tests: a clock that never waits). */
  clock?: PullClock;
  limits?: Partial<RetryLimits>;
  /** Rows per Resource Graph page (tests); default and maximum 1000. */
  pageSize?: number;
  /** How long restoring a remembered sign-in may take before it is given up (default 20 s). */
  restoreTimeoutMs?: number;
}

interface CurrentSignIn {
  signIn: AzureSignIn;
  cloud: ResolvedCloud;
  transport: ResourceGraphTransport;
  account: NonNullable<AzureSessionState['account']>;
}

interface RunningPull {
  controller: AbortController;
  senderId: number | undefined;
}

/** What is remembered besides MSAL's record: enough to rebuild the same credential. */
const descriptorSchema = z.strictObject({
  format: z.literal('demarc-azure-session'),
  version: z.literal(1),
  method: z.enum(['browser', 'device-code', 'cli']),
  target: cloudTargetSchema,
  tenantId: z.string().max(260).optional(),
});
type SessionDescriptor = z.infer<typeof descriptorSchema>;

const DESCRIPTOR_FILE = 'azure-session.json';

/** Resolves as `promise`, or rejects as soon as `signal` aborts (the promise is left to settle). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(new TransportError('aborted', 'cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new TransportError('aborted', 'cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function describeCloud(cloud: ResolvedCloud): string {
  return cloud.name === 'custom' ? `the custom cloud at ${cloud.armEndpoint}` : `the ${cloud.name} cloud`;
}

/** One consultant's Azure connection in the main process. See the file comment. */
export class AzureSession {
  private readonly redactor = new SecretRedactor();
  private readonly records: AuthenticationRecordStore;
  private current: CurrentSignIn | null = null;
  /** The account of a remembered sign-in that could not be restored (shown, not usable). */
  private staleAccount: AzureSessionState['account'] = null;
  private remembered = false;
  private notice: string | null = null;
  private pendingSignIn: AbortController | null = null;
  private readonly pulls = new Map<string, RunningPull>();
  private readonly discoveries = new Set<AbortController>();
  private restoring: Promise<void> | undefined;
  /** Microsoft Graph pulls on this session's sign-in (node/graph/graph-pulls.ts). */
  private readonly graphPulls: GraphPulls;

  constructor(private readonly options: AzureSessionOptions) {
    this.records = createAuthenticationRecordStore(options.directory);
    this.graphPulls = new GraphPulls({
      access: () => {
        const current = this.requireSignIn();
        return { signIn: current.signIn, cloud: current.cloud, tenantId: current.account.tenantId };
      },
      send: (senderId, event, payload) => this.send(senderId, event, payload),
      redact: this.redact,
      log: (line) => this.log(line),
      ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
      anyPort: options.allowCustomEndpointPorts === true,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
  }

  /** The redacting function of this session (for loggers in main). */
  get redact(): (text: string) => string {
    return this.redactor.redactor;
  }

  // ---- channels -------------------------------------------------------------------------

  async getSession(): Promise<AzureSessionState> {
    await this.restore();
    return this.state();
  }

  /**
   * Signs in (replacing the current sign-in once the new one succeeds). Device-code prompts
   * go to `senderId` as `azure:device-code-issued`. Rejects with {@link AzureSessionError}:
   * `forbidden` (remember refused, nothing written), `busy`, `cancelled`, `sign-in-failed`,
   * `invalid-request` (bad custom endpoints).
   */
  async signIn(request: AzureSignInRequest, senderId?: number): Promise<AzureSessionState> {
    await this.restore();
    const policy = this.policy();
    if (request.remember && !policy.canPersistSignIn) {
      throw new AzureSessionError('forbidden', `Demarc will not remember this sign-in: ${policy.reason ?? 'the operating system cannot encrypt it.'} Sign in without "remember me".`);
    }
    if (this.pendingSignIn) throw new AzureSessionError('busy', 'A sign-in is already waiting for you; finish or cancel it first.');
    if (this.pulls.size > 0 || this.graphPulls.busy) throw new AzureSessionError('busy', 'A pull is running; cancel it or let it finish before signing in again.');
    const cloud = this.resolveCloudTarget(request.target);
    const controller = new AbortController();
    this.pendingSignIn = controller;
    try {
      const signIn = this.makeSignIn({ method: request.method, cloud, tenantId: request.tenantId, persist: request.remember, senderId });
      const record = await untilAborted(signIn.authenticate(controller.signal), controller.signal);
      const descriptor: SessionDescriptor = {
        format: 'demarc-azure-session',
        version: 1,
        method: request.method,
        target: request.target,
        ...(request.tenantId ? { tenantId: request.tenantId } : {}),
      };
      if (request.remember) await this.saveRemembered(descriptor, record);
      else await this.forgetOnDisk();
      this.current = this.connect(signIn, cloud, descriptor, record);
      this.remembered = request.remember;
      this.staleAccount = null;
      this.notice = null;
      this.log(`Signed in to ${describeCloud(cloud)} (${request.method}${request.remember ? ', remembered' : ''}).`);
      return this.state();
    } catch (error) {
      throw this.signInError(request.method, error, controller.signal);
    } finally {
      if (this.pendingSignIn === controller) this.pendingSignIn = null;
    }
  }

  /**
   * The endpoints a sign-in to `target` would use, checked as {@link signIn} checks them
   * (`invalid-request` otherwise): the connect panel shows the authority host before the
   * user signs in, so a look-alike host is seen before any sign-in page opens.
   */
  resolveTarget(target: AzureSignInRequest['target']): { authorityHost: string; armEndpoint: string } {
    const { authorityHost, armEndpoint } = this.resolveCloudTarget(target);
    return { authorityHost, armEndpoint };
  }

  /** Stops a sign-in that waits for the browser or the device code. */
  cancelSignIn(): { cancelled: boolean } {
    const pending = this.pendingSignIn;
    if (!pending) return { cancelled: false };
    pending.abort();
    this.pendingSignIn = null;
    return { cancelled: true };
  }

  /** Cancels everything running, forgets the sign-in in memory and on disk. */
  async signOut(): Promise<AzureSessionState> {
    await this.restore();
    this.abortAll();
    this.current = null;
    this.staleAccount = null;
    this.notice = null;
    this.remembered = false;
    await this.forgetOnDisk();
    this.log('Signed out of Azure; the remembered sign-in was deleted.');
    return this.state();
  }

  /** Subscriptions and management groups the signed-in identity can read. */
  async discoverScopes(): Promise<AzureDiscoveredScopes> {
    await this.restore();
    const current = this.requireSignIn();
    const controller = new AbortController();
    this.discoveries.add(controller);
    try {
      const found = await discoverScopes({
        transport: current.transport,
        cloud: current.cloud,
        signal: controller.signal,
        redact: this.redact,
        ...(this.options.clock ? { clock: this.options.clock } : {}),
        ...(this.options.limits ? { limits: this.options.limits } : {}),
      });
      if (found.status === 'cancelled') throw new AzureSessionError('cancelled', 'Listing subscriptions was cancelled (signed out).');
      const authFailure = found.errors.find((e) => e.code === 'authentication-failed');
      if (authFailure && found.subscriptions.length === 0 && found.managementGroups.length === 0) {
        this.expire(current, authFailure.message);
        throw new AzureSessionError('not-signed-in', `Azure did not accept the sign-in (${authFailure.message}). Sign in again.`);
      }
      return redactDeep(
        {
          status: found.status,
          subscriptions: found.subscriptions,
          managementGroups: found.managementGroups,
          errors: found.errors.map((e) => ({ code: e.code, message: e.message })),
        },
        this.redact,
      );
    } finally {
      this.discoveries.delete(controller);
    }
  }

  /**
   * Starts a pull of the catalogue queries over the picked scope and answers at once; the
   * pull streams its pages, progress and end to `senderId`. Refused (`busy`) while another
   * pull runs.
   */
  async startPull(request: AzurePullRequest, senderId?: number): Promise<{ pullId: string }> {
    await this.restore();
    const current = this.requireSignIn();
    if (this.pendingSignIn) throw new AzureSessionError('busy', 'A sign-in is waiting; finish or cancel it before pulling.');
    const [running] = this.pulls.keys();
    if (running) throw new AzureSessionError('busy', `A pull is already running (${running}); cancel it or wait for it to finish.`);
    const pullId = randomUUID();
    const controller = new AbortController();
    this.pulls.set(pullId, { controller, senderId });
    // Started on the next turn, so the answer usually leaves before the first event (a
    // renderer should still accept events for a pull id it has not been told yet).
    setImmediate(() => void this.runPull(pullId, current, request, controller.signal, senderId));
    return { pullId };
  }

  /** Tells a running pull to stop; it still ends with `azure:pull-finished` (status cancelled). */
  cancelPull(pullId: string): { cancelled: boolean } {
    const pull = this.pulls.get(pullId);
    if (!pull || pull.controller.signal.aborted) return { cancelled: false };
    pull.controller.abort();
    return { cancelled: true };
  }

  /**
   * Starts a Microsoft Graph pull (GET only) on the current sign-in and answers at once; its
   * progress and end go to `senderId` as `graph:pull-*` events. Refused (`busy`) while another
   * Graph pull runs or a sign-in waits.
   */
  async startGraphPull(request: ChannelRequest<'graph:start-pull'>, senderId?: number): Promise<{ pullId: string }> {
    await this.restore();
    if (this.pendingSignIn) throw new AzureSessionError('busy', 'A sign-in is waiting; finish or cancel it before pulling.');
    try {
      return this.graphPulls.start(request, senderId);
    } catch (error) {
      if (error instanceof GraphPullRefusal) throw new AzureSessionError(error.code, this.redact(error.message));
      throw error;
    }
  }

  /** Tells a running Graph pull to stop; it still ends with `graph:pull-finished` (status cancelled). */
  cancelGraphPull(pullId: string): { cancelled: boolean } {
    return this.graphPulls.cancel(pullId);
  }

  /** Cancels the pulls a window started (call when it closes). */
  cancelPullsFor(senderId: number): void {
    for (const pull of this.pulls.values()) if (pull.senderId === senderId) pull.controller.abort();
    this.graphPulls.cancelFor(senderId);
  }

  /** Cancels everything (app quit, tests). Keeps the remembered sign-in. */
  dispose(): void {
    this.abortAll();
  }

  /**
   * Restores a remembered sign-in once (silently: from the encrypted token cache, never
   * with a prompt). Every channel awaits it; main may start it early.
   */
  restore(): Promise<void> {
    this.restoring ??= this.restoreRemembered().catch((error: unknown) => {
      this.log(`Could not restore the remembered Azure sign-in: ${safeErrorMessage(error, this.redact)}`);
    });
    return this.restoring;
  }

  // ---- internals ------------------------------------------------------------------------

  private state(): AzureSessionState {
    const policy = this.policy();
    const current = this.current;
    const [activePullId] = this.pulls.keys();
    return redactDeep(
      {
        signedIn: current !== null,
        account: current ? { ...current.account } : this.staleAccount ? { ...this.staleAccount } : null,
        remembered: this.remembered,
        canRemember: policy.canPersistSignIn,
        reason: policy.canPersistSignIn ? null : policy.reason,
        notice: this.notice,
        activePullId: activePullId ?? null,
      },
      this.redact,
    );
  }

  private policy() {
    return tokenCachePolicy(this.options.safeStorage, this.options.platform);
  }

  private log(line: string): void {
    try {
      this.options.log?.(this.redact(line));
    } catch {
      // logging must never break a sign-in or a pull
    }
  }

  /** Validates against the contract, redacts, and hands the event to `emit`. */
  private send<E extends EventName>(senderId: number | undefined, event: E, payload: EventPayload<E>): void {
    const clean = redactDeep(payload, this.redact);
    const checked = events[event].payload.safeParse(clean);
    if (!checked.success) {
      this.log(`Dropped an invalid ${event} event: ${checked.error.issues[0]?.message ?? 'invalid'}`);
      return;
    }
    try {
      this.options.emit(senderId, event, checked.data as EventPayload<E>);
    } catch (error) {
      this.log(`Could not send ${event}: ${safeErrorMessage(error, this.redact)}`);
    }
  }

  private requireSignIn(): CurrentSignIn {
    if (this.current) return this.current;
    throw new AzureSessionError('not-signed-in', this.notice ?? 'Not signed in to Azure; sign in first.');
  }

  private resolveCloudTarget(target: AzureSignInRequest['target']): ResolvedCloud {
    try {
      const policy = { anyPort: this.options.allowCustomEndpointPorts === true };
      return target.cloud === 'custom'
        ? resolveCloud({ armEndpoint: target.armEndpoint, authorityHost: target.authorityHost }, policy)
        : resolveCloud({ cloud: target.cloud }, policy);
    } catch (error) {
      if (error instanceof CloudConfigError) throw new AzureSessionError('invalid-request', `Invalid cloud: ${error.message}`);
      throw error;
    }
  }

  private makeSignIn(input: {
    method: AppSignInMethod;
    cloud: ResolvedCloud;
    tenantId: string | undefined;
    persist: boolean;
    senderId: number | undefined;
    record?: AuthenticationRecord;
  }): AzureSignIn {
    // The identity plugin is process-wide; registering right before the credential is
    // built binds this session's directory (the credential takes its plugin at creation).
    const persist =
      input.persist &&
      input.method !== 'cli' &&
      registerSafeStorageTokenCache({ safeStorage: this.options.safeStorage, platform: this.options.platform, directory: this.options.directory })
        .canPersistSignIn;
    const factory = this.options.createSignIn ?? createSignIn;
    try {
      return factory({
        method: input.method,
        cloud: input.cloud,
        ...(input.tenantId ? { tenantId: input.tenantId } : {}),
        ...(this.options.clientId ? { clientId: this.options.clientId } : {}),
        ...(input.record ? { authenticationRecord: input.record } : {}),
        persistTokenCache: persist,
        disableAutomaticAuthentication: true,
        onDeviceCode: (prompt) => this.send(input.senderId, 'azure:device-code-issued', { ...prompt }),
        ...(this.options.tlsOptions ? { tlsOptions: this.options.tlsOptions } : {}),
        redactor: this.redactor,
      });
    } catch (error) {
      if (error instanceof SignInConfigError) throw new AzureSessionError('sign-in-failed', this.redact(`Cannot sign in: ${error.message}`));
      throw error;
    }
  }

  private connect(signIn: AzureSignIn, cloud: ResolvedCloud, descriptor: SessionDescriptor, record: AuthenticationRecord | undefined): CurrentSignIn {
    return {
      signIn,
      cloud,
      transport: createResourceGraphTransport({ signIn, cloud, ...(this.options.tlsOptions ? { tlsOptions: this.options.tlsOptions } : {}) }),
      account: this.accountOf(cloud, descriptor, record),
    };
  }

  private accountOf(cloud: ResolvedCloud, descriptor: SessionDescriptor, record: AuthenticationRecord | undefined): NonNullable<AzureSessionState['account']> {
    return {
      username: record?.username || null,
      tenantId: record?.tenantId || descriptor.tenantId || null,
      cloud: cloud.name,
      armEndpoint: cloud.armEndpoint,
      method: descriptor.method,
    };
  }

  private signInError(method: AppSignInMethod, error: unknown, signal: AbortSignal): AzureSessionError {
    if (error instanceof AzureSessionError) return error;
    if (signal.aborted || (error instanceof TransportError && error.kind === 'aborted')) {
      return new AzureSessionError('cancelled', 'Sign-in was cancelled.');
    }
    if (error instanceof TransportError) return new AzureSessionError('sign-in-failed', this.redact(error.message));
    const message = safeErrorMessage(error, this.redact);
    this.log(`Sign-in (${method}) failed: ${message}`);
    return new AzureSessionError('sign-in-failed', `Sign-in failed (${method}): ${message}`);
  }

  /** The sign-in stopped working (token refused, refresh failed): keep who it was, drop it. */
  private expire(current: CurrentSignIn, reason: string): void {
    if (this.current !== current) return;
    this.current = null;
    this.staleAccount = current.account;
    this.notice = this.redact(`Sign in to Azure again: ${reason}`);
    this.log(`The Azure sign-in stopped working: ${reason}`);
  }

  private abortAll(): void {
    this.pendingSignIn?.abort();
    this.pendingSignIn = null;
    for (const pull of this.pulls.values()) pull.controller.abort();
    for (const discovery of this.discoveries) discovery.abort();
    this.graphPulls.abortAll();
  }

  private async runPull(pullId: string, current: CurrentSignIn, request: AzurePullRequest, signal: AbortSignal, senderId: number | undefined): Promise<void> {
    const snapshotId = randomUUID();
    try {
      const snapshot = await pullInventory({
        transport: current.transport,
        cloud: current.cloud,
        scope: { subscriptions: request.subscriptions, managementGroups: request.managementGroups },
        ...(request.queries ? { queries: request.queries } : {}),
        signal,
        redact: this.redact,
        newId: () => snapshotId,
        ...(this.options.clock ? { clock: this.options.clock } : {}),
        ...(this.options.limits ? { limits: this.options.limits } : {}),
        ...(this.options.pageSize ? { pageSize: this.options.pageSize } : {}),
        onProgress: (progress) => this.send(senderId, 'azure:pull-progressed', { pullId, progress }),
        onPage: (page) =>
          this.send(senderId, 'azure:pull-page-received', {
            pullId,
            snapshotId,
            queryId: page.queryId,
            table: page.table,
            page: page.page,
            rows: page.rows as Record<string, unknown>[],
          }),
      });
      this.pulls.delete(pullId);
      this.log(`Pull ${pullId} ended ${snapshot.status}: ${snapshot.totals.rows} rows, ${snapshot.errors.length} scope error(s).`);
      this.send(senderId, 'azure:pull-finished', { pullId, snapshot: snapshotMeta(snapshot) });
    } catch (error) {
      this.pulls.delete(pullId);
      this.log(`Pull ${pullId} failed: ${safeErrorMessage(error, this.redact)}`);
      this.send(senderId, 'azure:pull-failed', { pullId, message: 'The pull stopped unexpectedly and produced no snapshot; see the application log.' });
    }
  }

  private async saveRemembered(descriptor: SessionDescriptor, record: AuthenticationRecord | undefined): Promise<void> {
    try {
      await mkdir(this.options.directory, { recursive: true, mode: 0o700 });
      if (record) await this.records.save(record);
      else await this.records.clear();
      await writeFileAtomic(path.join(this.options.directory, DESCRIPTOR_FILE), Buffer.from(`${JSON.stringify(descriptor)}\n`, 'utf8'));
    } catch (error) {
      const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : 'write failed';
      throw new AzureSessionError('io-error', `Signed in, but the sign-in could not be remembered (${code}).`);
    }
  }

  private async forgetOnDisk(): Promise<void> {
    try {
      await rm(path.join(this.options.directory, DESCRIPTOR_FILE), { force: true });
      await forgetSignIn(this.options.directory);
    } catch (error) {
      const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : 'delete failed';
      throw new AzureSessionError('io-error', `The remembered sign-in could not be deleted (${code}).`);
    }
  }

  private async loadDescriptor(): Promise<SessionDescriptor | undefined> {
    let text: string;
    try {
      text = await readFile(path.join(this.options.directory, DESCRIPTOR_FILE), 'utf8');
    } catch {
      return undefined;
    }
    try {
      return descriptorSchema.parse(JSON.parse(text));
    } catch {
      return undefined;
    }
  }

  private async restoreRemembered(): Promise<void> {
    const descriptor = await this.loadDescriptor();
    const record = await this.records.load();
    if (!descriptor) {
      if (record) await this.forgetOnDisk(); // a record without its descriptor is useless
      return;
    }
    let cloud: ResolvedCloud;
    try {
      cloud = this.resolveCloudTarget(descriptor.target);
    } catch {
      await this.forgetOnDisk();
      return;
    }
    if (descriptor.method !== 'cli' && !record) {
      await this.forgetOnDisk();
      return;
    }
    this.remembered = true;
    const account = this.accountOf(cloud, descriptor, record);
    const policy = this.policy();
    if (!policy.canPersistSignIn) {
      this.staleAccount = account;
      this.notice = `The remembered sign-in cannot be used: ${policy.reason ?? 'the operating system cannot decrypt it.'}`;
      return;
    }
    const signIn = this.makeSignIn({ method: descriptor.method, cloud, tenantId: descriptor.tenantId, persist: true, senderId: undefined, ...(record ? { record } : {}) });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.restoreTimeoutMs ?? 20_000);
    try {
      await untilAborted(signIn.credential.getToken(cloud.tokenScope, { enableCae: true, abortSignal: controller.signal }), controller.signal);
      this.current = this.connect(signIn, cloud, descriptor, record);
      this.log(`Restored the remembered sign-in to ${describeCloud(cloud)} (${descriptor.method}).`);
    } catch (error) {
      const reason = controller.signal.aborted ? 'Azure did not answer in time.' : safeErrorMessage(error, this.redact);
      this.staleAccount = account;
      this.notice = this.redact(`Sign in to Azure again: the remembered sign-in could not be used (${reason})`);
      this.log(this.notice);
    } finally {
      clearTimeout(timer);
    }
  }
}
