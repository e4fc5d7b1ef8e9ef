/**
 * A loopback HTTPS fake of Microsoft Graph v1.0 for the collections Demarc reads. It checks
 * bearer tokens against the Entra fake, pages list collections with a whole-URL
 * `@odata.nextLink` (`$skiptoken`), answers gated collections with Graph's error body, and
 * plays scripted faults once each: 429 with or without Retry-After, 5xx, a dropped
 * connection, a token that expires mid-pull. Every request is recorded (method and URL).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GRAPH_COLLECTIONS, type GraphCollection, type GraphCollectionId } from '../../../../core/graph/collections';
import type { FakeEntra } from '../../azure/fakes/fake-entra';
import { startLoopbackHttps, type LoopbackHttpsServer } from '../../azure/fakes/tls';

export type GraphFault =
  | { kind: 'throttle'; retryAfter?: string }
  | { kind: 'server-error'; status: 500 | 502 | 503 | 504 }
  | { kind: 'reset' }
  | { kind: 'expire-token' };

export interface ScriptedFault {
  collection: GraphCollectionId;
  /** 1-based page the fault hits (default 1). */
  page?: number;
  fault: GraphFault;
}

export interface GraphRefusalBody {
  status: number;
  code: string;
  /** `{token}` is replaced by the presented access token (real Graph never echoes it; a test proves redaction). */
  message: string;
}

export interface FakeGraphOptions {
  entra: FakeEntra;
  /** Objects per collection: arrays for lists, an object for singletons. */
  data: Partial<Record<GraphCollectionId, unknown>>;
  /** Page size of list collections (default 100; Graph's default for users). */
  pageSize?: number;
  /** Collections answered with this error instead of data. */
  refuse?: Partial<Record<GraphCollectionId, GraphRefusalBody>>;
  faults?: ScriptedFault[];
  /** Pre-serialised pages per collection (the benchmark uses it so both paths read the same bytes). */
  pageCache?: boolean;
}

export interface RecordedRequest {
  method: string;
  url: string;
  authorized: boolean;
}

export class FakeGraph {
  readonly requests: RecordedRequest[] = [];
  private loopback: LoopbackHttpsServer | undefined;
  private readonly expiredTokens = new Set<string>();
  private readonly faults: ScriptedFault[];
  private readonly cache = new Map<string, string>();

  constructor(readonly options: FakeGraphOptions) {
    this.faults = [...(options.faults ?? [])];
  }

  get endpoint(): string {
    if (!this.loopback) throw new Error('start() the fake first');
    return this.loopback.origin;
  }

  async start(): Promise<this> {
    this.loopback = await startLoopbackHttps((req, res) => this.handle(req, res), { keepAlive: true });
    return this;
  }

  async stop(): Promise<void> {
    await this.loopback?.stop();
    this.loopback = undefined;
  }

  /** Requests whose method was not GET (Demarc must never send one). */
  get nonGetRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  }

  private error(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
    this.json(res, status, { error: { code, message, innerError: { date: '2026-12-02T01:00:00', 'request-id': '00000000-0000-0000-0000-000000000000', 'client-request-id': '00000000-0000-0000-0000-000000000000' } } }, headers);
  }

  private collectionFor(pathname: string): GraphCollection | undefined {
    const path = pathname.replace(/^\/v1\.0/, '');
    return GRAPH_COLLECTIONS.find((c) => c.path.split('?')[0] === path);
  }

  private takeFault(collection: GraphCollectionId, page: number): GraphFault | undefined {
    const i = this.faults.findIndex((f) => f.collection === collection && (f.page ?? 1) === page);
    if (i < 0) return undefined;
    return this.faults.splice(i, 1)[0]!.fault;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.endpoint);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const valid = token !== undefined && this.options.entra.isIssued(token) && !this.expiredTokens.has(token);
    this.requests.push({ method: req.method ?? '', url: url.toString(), authorized: valid });
    if (req.method !== 'GET') {
      this.error(res, 405, 'Request_BadRequest', `the fake Graph only serves GET, not ${req.method}`);
      return;
    }
    if (!valid) {
      this.error(res, 401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.', { 'www-authenticate': 'Bearer realm="", error="invalid_token"' });
      return;
    }
    const collection = this.collectionFor(url.pathname);
    if (!collection) {
      this.error(res, 404, 'Request_ResourceNotFound', `no fake for ${url.pathname}`);
      return;
    }
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const page = Math.floor(skip / this.pageSize(collection)) + 1;
    const fault = this.takeFault(collection.id, page);
    if (fault && this.playFault(fault, res, token)) return;
    const refusal = this.options.refuse?.[collection.id];
    if (refusal) {
      this.error(res, refusal.status, refusal.code, refusal.message.replace('{token}', token));
      return;
    }
    this.serve(res, collection, skip);
  }

  /** True when the fault answered the request. */
  private playFault(fault: GraphFault, res: ServerResponse, token: string): boolean {
    switch (fault.kind) {
      case 'throttle':
        this.error(res, 429, 'TooManyRequests', 'Too many requests.', fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter });
        return true;
      case 'server-error':
        this.error(res, fault.status, fault.status === 503 ? 'serviceNotAvailable' : 'generalException', 'The service is temporarily unavailable.');
        return true;
      case 'reset':
        res.socket?.destroy();
        return true;
      case 'expire-token':
        this.expiredTokens.add(token);
        this.error(res, 401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
        return true;
    }
  }

  private pageSize(collection: GraphCollection): number {
    return collection.maxPages === 1 ? 1 : (this.options.pageSize ?? 100);
  }

  private serve(res: ServerResponse, collection: GraphCollection, skip: number): void {
    const data = this.options.data[collection.id];
    const context = `${this.endpoint}/v1.0/$metadata#${collection.id}`;
    if (collection.shape === 'singleton') {
      this.json(res, 200, { '@odata.context': context, ...(data as Record<string, unknown>) });
      return;
    }
    const key = `${collection.id}|${skip}`;
    let text = this.options.pageCache ? this.cache.get(key) : undefined;
    if (text === undefined) {
      const all = (data as unknown[] | undefined) ?? [];
      const size = this.pageSize(collection);
      const value = all.slice(skip, skip + size);
      const next = skip + size < all.length ? this.nextLink(collection, skip + size) : undefined;
      text = JSON.stringify({ '@odata.context': context, value, ...(next ? { '@odata.nextLink': next } : {}) });
      if (this.options.pageCache) this.cache.set(key, text);
    }
    this.json(res, 200, text);
  }

  private nextLink(collection: GraphCollection, skip: number): string {
    const url = new URL(`${this.endpoint}/v1.0${collection.path}`);
    url.searchParams.set('$skiptoken', String(skip));
    return url.toString();
  }
}
