/**
 * A fake Resource Graph on 127.0.0.1 (HTTPS):
 * `POST /providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01`.
 *
 * It does not run KQL: it recognises the table and `type in~ (...)` filter of Demarc's
 * catalogue queries and serves generated rows for the requested subscriptions, sorted by
 * id, paged with `$top` / `$skipToken`, with user-quota headers. Tests script faults per
 * request with {@link FakeResourceGraph.onRequest}.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeEntra } from './fake-entra';
import { startLoopbackHttps, type LoopbackHttpsServer } from './tls';

/** What the fake knows about an incoming request. */
export interface FakeRequestContext {
  /** 1-based index over all requests this fake received. */
  index: number;
  query: string;
  table: string;
  subscriptions: string[];
  managementGroups: string[];
  top: number;
  skipToken: string | undefined;
  /** Row offset the request asks for. */
  offset: number;
  token: string | undefined;
}

/** A scripted misbehaviour for one request. */
export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Send headers and part of the body, then destroy the socket. */
  | { kind: 'reset-mid-body' }
  /** A complete HTTP response whose JSON body is cut in half. */
  | { kind: 'truncated-json' }
  /** Send headers and part of the body, call `onStalled`, and never finish. */
  | { kind: 'stall-mid-body'; onStalled: () => void }
  /** Treat the presented token as expired from now on. */
  | { kind: 'expire-token' };

export type RowGenerator = (table: string, types: string[], subscriptions: string[], managementGroups: string[]) => Record<string, unknown>[];

/** Rows per subscription per query: `resources` gets `resourcesPerSubscription`, others 1. */
export function defaultRows(resourcesPerSubscription: number): RowGenerator {
  return (table, types, subscriptions, managementGroups) => {
    const subs = subscriptions.length > 0 ? subscriptions : managementGroups.length > 0 ? [`mg-${managementGroups[0]}-sub`] : ['tenant-sub'];
    const rows: Record<string, unknown>[] = [];
    for (const sub of subs) {
      if (table === 'resources') {
        for (let i = 0; i < resourcesPerSubscription; i += 1) {
          rows.push({
            id: `/subscriptions/${sub}/resourceGroups/rg-${i % 7}/providers/Microsoft.Storage/storageAccounts/st${String(i).padStart(6, '0')}`,
            name: `st${String(i).padStart(6, '0')}`,
            type: 'microsoft.storage/storageaccounts',
            location: 'westeurope',
            subscriptionId: sub,
            resourceGroup: `rg-${i % 7}`,
            tags: { env: i % 2 ? 'prod' : 'dev' },
            properties: { minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false, supportsHttpsTrafficOnly: true },
          });
        }
      } else if (table === 'resourcecontainers' && types.includes('microsoft.management/managementgroups')) {
        // discovery of management groups: tenant-wide, not per subscription
      } else if (table === 'resourcecontainers') {
        rows.push({
          id: `/subscriptions/${sub}`,
          name: `Subscription ${sub.slice(0, 8)}`,
          type: 'microsoft.resources/subscriptions',
          subscriptionId: sub,
          tenantId: 'tenant-1',
          state: 'Enabled',
          properties: { state: 'Enabled' },
        });
      } else {
        const type = types[0] ?? `microsoft.fake/${table}`;
        rows.push({ id: `/subscriptions/${sub}/providers/${type}/default`, name: 'default', type, subscriptionId: sub, properties: {} });
      }
    }
    if (table === 'resourcecontainers' && types.includes('microsoft.management/managementgroups')) {
      rows.push({ id: '/providers/Microsoft.Management/managementGroups/root-mg', name: 'root-mg', displayName: 'Tenant Root Group', tenantId: 'tenant-1', parent: '' });
    }
    return rows.sort((a, b) => String(a.id).toLowerCase().localeCompare(String(b.id).toLowerCase()));
  };
}

/**
 * `rows`, except that tenant-scope `resourcecontainers` queries (scope discovery) see the
 * given subscriptions (GUIDs, as the app's picker requires) instead of one `tenant-sub`.
 */
export function withTenantSubscriptions(subscriptions: readonly string[], rows: RowGenerator = defaultRows(3)): RowGenerator {
  return (table, types, subs, managementGroups) =>
    table === 'resourcecontainers' && subs.length === 0 && managementGroups.length === 0
      ? rows(table, types, types.includes('microsoft.management/managementgroups') ? [] : [...subscriptions], [])
      : rows(table, types, subs, managementGroups);
}

export interface FakeResourceGraphOptions {
  entra: FakeEntra;
  rows?: RowGenerator;
  /** Queries per window before a 429 (real service: about 15 per 5 s). */
  quotaPerWindow?: number;
  /** Window length in virtual ms, reported as x-ms-user-quota-resets-after. */
  quotaWindowMs?: number;
}

function timespan(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export class FakeResourceGraph {
  /** Every request received, in order. */
  readonly requests: FakeRequestContext[] = [];
  /** Script: return a fault for a request, or undefined to serve it normally. */
  onRequest: ((ctx: FakeRequestContext) => Fault | undefined) | undefined;
  private loopback: LoopbackHttpsServer | undefined;
  private readonly expiredTokens = new Set<string>();
  private quotaUsed = 0;
  private windowStart = 0;
  private virtualNow = 0;
  /** Requests answered 429 because the quota ran out (not scripted). */
  quota429s = 0;

  constructor(readonly options: FakeResourceGraphOptions) {}

  get armEndpoint(): string {
    if (!this.loopback) throw new Error('start() the fake first');
    return this.loopback.origin;
  }

  /** Moves the fake's quota clock (the test clock calls this when the client sleeps). */
  advance(ms: number): void {
    this.virtualNow += ms;
  }

  async start(): Promise<this> {
    this.loopback = await startLoopbackHttps((req, res, body) => this.handle(req, res, body), { keepAlive: true });
    return this;
  }

  async stop(): Promise<void> {
    await this.loopback?.stop();
    this.loopback = undefined;
  }

  private quotaHeaders(): Record<string, string> {
    const windowMs = this.options.quotaWindowMs ?? 5000;
    const limit = this.options.quotaPerWindow ?? 1_000_000;
    if (this.virtualNow - this.windowStart >= windowMs) {
      this.windowStart = this.virtualNow;
      this.quotaUsed = 0;
    }
    return {
      'x-ms-user-quota-remaining': String(Math.max(0, limit - this.quotaUsed)),
      'x-ms-user-quota-resets-after': timespan(windowMs - (this.virtualNow - this.windowStart)),
    };
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    });
    res.end(text);
  }

  private handle(req: IncomingMessage, res: ServerResponse, bodyText: string): void {
    const url = new URL(req.url ?? '/', this.armEndpoint);
    if (req.method !== 'POST' || url.pathname.toLowerCase() !== '/providers/microsoft.resourcegraph/resources') {
      this.send(res, 404, { error: { code: 'NotFound', message: `no fake for ${req.method} ${url.pathname}` } });
      return;
    }
    if (url.searchParams.get('api-version') !== '2024-04-01') {
      this.send(res, 400, { error: { code: 'InvalidApiVersionParameter', message: 'unsupported api-version' } });
      return;
    }
    let request: { query?: string; subscriptions?: string[]; managementGroups?: string[]; options?: Record<string, unknown> };
    try {
      request = JSON.parse(bodyText);
    } catch {
      this.send(res, 400, { error: { code: 'BadRequest', message: 'body is not JSON' } });
      return;
    }
    const query = request.query ?? '';
    const table = /^\s*(\w+)/.exec(query)?.[1]?.toLowerCase() ?? '';
    const typesMatch = /type\s+(?:in~\s*\(([^)]*)\)|=~\s*'([^']+)')/.exec(query);
    const types = typesMatch
      ? (typesMatch[1] ?? `'${typesMatch[2]}'`).split(',').map((t) => t.trim().replace(/^'|'$/g, '').toLowerCase())
      : [];
    const skipToken = typeof request.options?.$skipToken === 'string' ? (request.options.$skipToken as string) : undefined;
    const top = typeof request.options?.$top === 'number' ? (request.options.$top as number) : 100;
    let offset = 0;
    if (skipToken) {
      try {
        offset = (JSON.parse(Buffer.from(skipToken, 'base64url').toString('utf8')) as { offset: number }).offset;
      } catch {
        this.send(res, 400, { error: { code: 'InvalidSkipToken', message: 'bad $skipToken' } });
        return;
      }
    }
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
    const ctx: FakeRequestContext = {
      index: this.requests.length + 1,
      query,
      table,
      subscriptions: request.subscriptions ?? [],
      managementGroups: request.managementGroups ?? [],
      top,
      skipToken,
      offset,
      token,
    };
    this.requests.push(ctx);

    if (!token || !this.options.entra.isIssued(token) || this.expiredTokens.has(token)) {
      this.send(
        res,
        401,
        { error: { code: 'ExpiredAuthenticationToken', message: 'The access token expiry UTC time is earlier than current UTC time.' } },
        { 'www-authenticate': `Bearer authorization_uri="${this.options.entra.authorityHost}/", error="invalid_token", error_description="The access token is expired"` },
      );
      return;
    }

    const fault = this.onRequest?.(ctx);
    if (fault?.kind === 'expire-token') {
      this.expiredTokens.add(token);
      this.send(
        res,
        401,
        { error: { code: 'ExpiredAuthenticationToken', message: 'The access token expiry UTC time is earlier than current UTC time.' } },
        { 'www-authenticate': `Bearer authorization_uri="${this.options.entra.authorityHost}/", error="invalid_token", error_description="The access token is expired"` },
      );
      return;
    }

    const quota = this.quotaHeaders();
    if (fault?.kind === 'status') {
      const headers = { ...quota, ...fault.headers };
      this.send(res, fault.status, fault.body ?? { error: { code: `Http${fault.status}`, message: `scripted ${fault.status}` } }, headers);
      return;
    }
    const limit = this.options.quotaPerWindow ?? 1_000_000;
    if (this.quotaUsed >= limit) {
      this.quota429s += 1;
      // Like the real service: no Retry-After, only the quota headers.
      this.send(res, 429, { error: { code: 'RateLimiting', message: 'Please provide below info when asking for support: ...' } }, quota);
      return;
    }
    this.quotaUsed += 1;
    const afterHeaders = this.quotaHeaders();

    const all = (this.options.rows ?? defaultRows(3))(table, types, ctx.subscriptions, ctx.managementGroups);
    const pageRows = all.slice(offset, offset + top);
    const next = offset + top < all.length ? Buffer.from(JSON.stringify({ offset: offset + top }), 'utf8').toString('base64url') : undefined;
    const body = JSON.stringify({
      totalRecords: all.length,
      count: pageRows.length,
      resultTruncated: 'false',
      ...(next ? { $skipToken: next } : {}),
      facets: [],
      data: pageRows,
    });

    if (fault?.kind === 'truncated-json') {
      this.send(res, 200, body.slice(0, Math.floor(body.length / 2)), afterHeaders);
      return;
    }
    if (fault?.kind === 'reset-mid-body' || fault?.kind === 'stall-mid-body') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), ...afterHeaders });
      res.write(body.slice(0, Math.floor(body.length / 2)));
      if (fault.kind === 'reset-mid-body') setImmediate(() => req.socket.destroy());
      else fault.onStalled();
      return;
    }
    this.send(res, 200, body, afterHeaders);
  }
}
