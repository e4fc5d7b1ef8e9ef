/**
 * Microsoft Graph pulls for the desktop app's main process, on the consultant's current
 * Azure sign-in (same methods, same encrypted token cache: node/azure/azure-session.ts owns
 * it). One pull at a time; progress goes to the window that asked as `graph:pull-progressed`,
 * then exactly one `graph:pull-finished` carrying the whole snapshot (or why there is none).
 * The Graph cloud follows the sign-in's cloud; a custom cloud must name its Graph root, on
 * the same rule as the other custom endpoints (https, no credentials, port 443 unless the
 * tests' fakes say otherwise).
 */
import { randomUUID } from 'node:crypto';
import type { ResolvedCloud } from '../../core/azure/clouds';
import { CloudConfigError } from '../../core/azure/clouds';
import { endpointProblem } from '../../core/azure/endpoint';
import { safeErrorMessage } from '../../core/azure/redact';
import type { PullClock, RetryLimits } from '../../core/azure/retry-policy';
import { DEFAULT_RETRY_LIMITS } from '../../core/azure/retry-policy';
import { resolveGraphCloud, type ResolvedGraphCloud } from '../../core/graph/clouds';
import type { EventName, EventPayload, IpcErrorCode } from '../../core/ipc/contract';
import type { AzureSignIn, ExtraTlsOptions } from '../azure/credentials';
import { pullGraph, type GraphPullResult } from './pull';

/** The sign-in a Graph pull borrows. */
export interface GraphAccess {
  signIn: AzureSignIn;
  cloud: ResolvedCloud;
  tenantId: string | null;
}

/** A refusal meant for the renderer (the Azure session turns it into its own error type). */
export class GraphPullRefusal extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GraphPullRefusal';
  }
}

export interface GraphPullsOptions {
  /** The current sign-in; throws when there is none. */
  access: () => GraphAccess;
  /** Sends a (checked, redacted) event to `senderId`. */
  send: <E extends EventName>(senderId: number | undefined, event: E, payload: EventPayload<E>) => void;
  redact: (text: string) => string;
  log: (line: string) => void;
  tlsOptions?: ExtraTlsOptions;
  /** Accept a custom Graph root on another port (tests' loopback fakes only). */
  anyPort?: boolean;
  clock?: PullClock;
  limits?: Partial<RetryLimits>;
}

/** The Graph cloud of a sign-in: the named cloud's Graph, or the custom root the renderer gave. */
export function graphCloudFor(cloud: ResolvedCloud, graphEndpoint: string | undefined, anyPort: boolean): ResolvedGraphCloud {
  if (cloud.name !== 'custom') {
    if (graphEndpoint !== undefined) throw new GraphPullRefusal('invalid-request', `The ${cloud.name} cloud has its own Microsoft Graph; leave the Graph endpoint empty.`);
    // Azure Government's Graph is graph.microsoft.us (L4); DoD (L5) tenants use a custom endpoint.
    return resolveGraphCloud({ cloud: cloud.name });
  }
  if (graphEndpoint === undefined) throw new GraphPullRefusal('invalid-request', 'A custom cloud needs its Microsoft Graph endpoint.');
  const problem = endpointProblem(graphEndpoint, { anyPort });
  if (problem) throw new GraphPullRefusal('invalid-request', `Invalid Graph endpoint: the address ${problem}.`);
  try {
    return resolveGraphCloud({ graphEndpoint, authorityHost: cloud.authorityHost });
  } catch (error) {
    if (error instanceof CloudConfigError) throw new GraphPullRefusal('invalid-request', `Invalid Graph endpoint: ${error.message}`);
    throw error;
  }
}

/**
 * The sign-in with every token asked for with CAE on. The app's sign-in was made with CAE on
 * (node/azure/credentials.ts `authenticate`), and MSAL keeps CAE and non-CAE tokens in
 * separate caches: asked without it, the Graph token finds no refresh token and the
 * (prompt-free) credential gives up. Microsoft Graph is a CAE-capable resource.
 */
function withCae(signIn: AzureSignIn): Pick<AzureSignIn, 'credential' | 'redactor' | 'forceRefreshOnNextToken'> {
  return {
    credential: { getToken: (scopes, options) => signIn.credential.getToken(scopes, { ...options, enableCae: true }) },
    redactor: signIn.redactor,
    forceRefreshOnNextToken: () => signIn.forceRefreshOnNextToken(),
  };
}

export class GraphPulls {
  private readonly running = new Map<string, { controller: AbortController; senderId: number | undefined }>();

  constructor(private readonly options: GraphPullsOptions) {}

  /** Whether a Graph pull is running (the Azure session refuses a new sign-in meanwhile). */
  get busy(): boolean {
    return this.running.size > 0;
  }

  start(request: { graphEndpoint?: string | undefined }, senderId?: number): { pullId: string } {
    const access = this.options.access();
    const [other] = this.running.keys();
    if (other) throw new GraphPullRefusal('busy', `A Graph pull is already running (${other}); cancel it or wait for it to finish.`);
    const cloud = graphCloudFor(access.cloud, request.graphEndpoint, this.options.anyPort === true);
    const pullId = randomUUID();
    const controller = new AbortController();
    this.running.set(pullId, { controller, senderId });
    // Started on the next turn, so the answer usually leaves before the first event.
    setImmediate(() => void this.run(pullId, access, cloud, controller.signal, senderId));
    return { pullId };
  }

  cancel(pullId: string): { cancelled: boolean } {
    const pull = this.running.get(pullId);
    if (!pull || pull.controller.signal.aborted) return { cancelled: false };
    pull.controller.abort();
    return { cancelled: true };
  }

  cancelFor(senderId: number): void {
    for (const pull of this.running.values()) if (pull.senderId === senderId) pull.controller.abort();
  }

  abortAll(): void {
    for (const pull of this.running.values()) pull.controller.abort();
  }

  private async run(pullId: string, access: GraphAccess, cloud: ResolvedGraphCloud, signal: AbortSignal, senderId: number | undefined): Promise<void> {
    const { send } = this.options;
    let result: GraphPullResult;
    try {
      result = await pullGraph({
        signIn: withCae(access.signIn),
        cloud,
        signal,
        ...(access.tenantId ? { tenantId: access.tenantId } : {}),
        ...(this.options.tlsOptions ? { tlsOptions: this.options.tlsOptions } : {}),
        ...(this.options.clock ? { clock: this.options.clock } : {}),
        ...(this.options.limits ? { limits: { ...DEFAULT_RETRY_LIMITS, ...this.options.limits } } : {}),
        onProgress: (progress) => send(senderId, 'graph:pull-progressed', { pullId, progress }),
      });
    } catch (error) {
      result = { status: 'failed', collection: null, message: `The Graph pull stopped unexpectedly: ${safeErrorMessage(error, this.options.redact)}`, signIn: false };
    } finally {
      this.running.delete(pullId);
    }
    this.options.log(`Graph pull ${pullId} ended ${result.status}${result.status === 'complete' ? `: ${result.snapshot.data.length} objects, ${result.snapshot.demarcGraphSnapshot.gaps.length} gap(s)` : ''}.`);
    if (result.status === 'complete') {
      send(senderId, 'graph:pull-finished', { pullId, status: 'complete', snapshot: result.snapshot as unknown as Record<string, unknown>, collection: null, message: null });
    } else if (result.status === 'cancelled') {
      send(senderId, 'graph:pull-finished', { pullId, status: 'cancelled', snapshot: null, collection: null, message: null });
    } else {
      const message = result.signIn ? `Microsoft Graph did not accept the sign-in (${result.message}). Sign in again.` : result.message;
      send(senderId, 'graph:pull-finished', { pullId, status: 'failed', snapshot: null, collection: result.collection, message });
    }
  }
}
