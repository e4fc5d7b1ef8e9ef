/**
 * The parts of the Graph client's middleware chain Demarc supplies itself. The chain is
 * (outermost first): {@link TokenRefreshHandler} -> the library's `AuthenticationHandler`
 * -> {@link GraphRetryHandler} -> {@link NodeHttpsHandler}. Why not the library's
 * RetryHandler and fetch handler: see docs/graph-collector.md.
 */
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { backoffDelay, parseRetryAfter, type PullClock, type RetryLimits } from '../../core/azure/retry-policy';

/** A request that could not produce an HTTP response (reset, DNS, TLS, timeout). */
export class GraphConnectionError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'GraphConnectionError';
  }
}

/** Demarc only reads Graph: any other method, or another host, is refused before it is sent. */
export class GraphRequestRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphRequestRefusedError';
  }
}

/** One request as the wire saw it (for progress and tests; no headers, no body). */
export interface GraphExchange {
  method: string;
  url: string;
  status: number | null;
}

function headersOf(init: HeadersInit | undefined): Headers {
  return new Headers(init ?? {});
}

function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

function streamOf(chunks: Buffer[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      // Socket chunks are Buffers over plain ArrayBuffers (never shared memory).
      for (const chunk of chunks) controller.enqueue(chunk as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
}

function toFetchHeaders(raw: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
  }
  return out;
}

/**
 * The last hop: sends the request with `node:https` (keep-alive agent, extra trusted CAs,
 * a timeout) and hands the library a standard `Response`. Refuses anything but GET and any
 * origin other than the configured Graph endpoint, so a crafted `@odata.nextLink` can
 * neither write nor carry the token elsewhere.
 */
export class NodeHttpsHandler implements Middleware {
  private readonly agent: https.Agent;
  private readonly origin: string;

  constructor(
    graphEndpoint: string,
    private readonly options: { ca?: string | string[]; timeoutMs?: number; onExchange?: (exchange: GraphExchange) => void } = {},
  ) {
    this.origin = new URL(graphEndpoint).origin;
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 4, ...(options.ca ? { ca: options.ca } : {}) });
  }

  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    const method = (context.options?.method ?? 'GET').toUpperCase();
    if (method !== 'GET') throw new GraphRequestRefusedError(`Demarc only reads Microsoft Graph; refused ${method} ${url}`);
    if (new URL(url).origin !== this.origin) throw new GraphRequestRefusedError(`refused a request outside ${this.origin}: ${new URL(url).origin}`);
    const signal = context.options?.signal ?? undefined;
    const headers = Object.fromEntries(headersOf(context.options?.headers).entries());
    try {
      context.response = await this.send(url, headers, signal);
      this.options.onExchange?.({ method, url, status: context.response.status });
    } catch (error) {
      this.options.onExchange?.({ method, url, status: null });
      throw error;
    }
  }

  private send(url: string, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new DOMException('the request was cancelled', 'AbortError'));
        return;
      }
      const req = https.request(url, { method: 'GET', agent: this.agent, headers, timeout: this.options.timeoutMs ?? 120_000, ...(signal ? { signal } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(new GraphConnectionError(`the response was cut off: ${e.message}`, (e as NodeJS.ErrnoException).code)));
        res.on('end', () => {
          if (!res.complete) {
            reject(new GraphConnectionError('the response was cut off', 'ECONNRESET'));
            return;
          }
          const status = res.statusCode ?? 0;
          // The chunks as a stream: a Buffer body would be copied once by Buffer.concat and
          // again by Response's constructor before json() decodes it.
          const body = status === 204 || status === 304 ? null : streamOf(chunks);
          resolve(new Response(body, { status, headers: toFetchHeaders(res.headers) }));
        });
      });
      req.on('timeout', () => req.destroy(new GraphConnectionError('the request timed out', 'ETIMEDOUT')));
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (signal?.aborted) reject(new DOMException('the request was cancelled', 'AbortError'));
        else if (e instanceof GraphConnectionError) reject(e);
        else reject(new GraphConnectionError(`connection failed: ${e.code ?? e.message}`, e.code));
      });
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Retries 429 (honouring `Retry-After`, seconds or HTTP date), 500/502/503/504 and
 * connection failures, with exponential backoff otherwise; sleeps on the injected clock so
 * a cancel interrupts the wait and tests never wait.
 */
export class GraphRetryHandler implements Middleware {
  private next!: Middleware;

  constructor(
    private readonly clock: PullClock,
    private readonly limits: RetryLimits,
    private readonly onRetry?: (info: { url: string; attempt: number; delayMs: number; reason: string }) => void,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const signal = context.options?.signal ?? undefined;
    for (let attempt = 1; ; attempt += 1) {
      let reason: string;
      let delayMs: number;
      try {
        await this.next.execute(context);
        const status = context.response?.status ?? 0;
        if (status === 429) {
          if (attempt >= this.limits.maxThrottledAttempts) return;
          const retryAfter = parseRetryAfter(context.response?.headers.get('retry-after') ?? undefined, this.clock.now());
          // Graph's Conditional Access bucket throttles without Retry-After: back off ourselves.
          delayMs = retryAfter ?? backoffDelay(attempt, this.limits, this.clock.random);
          if (delayMs > this.limits.maxRetryAfterMs) return;
          reason = 'throttled (HTTP 429)';
        } else if (status >= 500 && status !== 501 && status !== 505) {
          if (attempt >= this.limits.maxAttempts) return;
          const retryAfter = parseRetryAfter(context.response?.headers.get('retry-after') ?? undefined, this.clock.now());
          delayMs = Math.min(this.limits.maxRetryAfterMs, retryAfter ?? backoffDelay(attempt, this.limits, this.clock.random));
          reason = `server error (HTTP ${status})`;
        } else {
          return;
        }
        // Drain the refused body so the socket goes back to the pool.
        await context.response?.arrayBuffer().catch(() => undefined);
      } catch (error) {
        if (!(error instanceof GraphConnectionError) || signal?.aborted || attempt >= this.limits.maxAttempts) throw error;
        reason = error.message;
        delayMs = backoffDelay(attempt, this.limits, this.clock.random);
      }
      this.onRetry?.({ url: requestUrl(context), attempt, delayMs, reason });
      await this.clock.sleep(delayMs, signal);
    }
  }
}

/**
 * A 401 means the token was refused (expired early, revoked, CAE): ask the sign-in for a
 * fresh one past MSAL's cache and send once more, with the headers as they were before the
 * authentication handler added the old bearer.
 */
export class TokenRefreshHandler implements Middleware {
  private next!: Middleware;

  constructor(private readonly forceRefresh: () => void) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const original = headersOf(context.options?.headers);
    await this.next.execute(context);
    if (context.response?.status !== 401) return;
    await context.response.arrayBuffer().catch(() => undefined);
    this.forceRefresh();
    if (context.options) context.options.headers = Object.fromEntries(original.entries());
    await this.next.execute(context);
  }
}
