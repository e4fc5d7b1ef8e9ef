/**
 * A fake Entra ID on 127.0.0.1 (HTTPS): OIDC metadata, instance discovery and the v2
 * token endpoint for `client_credentials`. It issues opaque access tokens and remembers
 * them so the fake Resource Graph can check (and expire) them.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { loopbackCertificate } from './tls';

export interface FakeEntraOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Lifetime of issued tokens in seconds (default 3600). */
  expiresIn?: number;
  /**
   * Echo the presented secret in the error description of a rejected request (real Entra
   * does not; a test uses it to prove the secret is redacted from every message).
   */
  echoSecretInErrors?: boolean;
}

export interface TokenRequestRecord {
  grantType: string | null;
  clientId: string | null;
  scope: string | null;
  hasClaims: boolean;
  ok: boolean;
}

export class FakeEntra {
  readonly issuedTokens: string[] = [];
  readonly tokenRequests: TokenRequestRecord[] = [];
  readonly metadataRequests: string[] = [];
  private server: https.Server | undefined;
  private port = 0;

  constructor(readonly options: FakeEntraOptions) {}

  get authorityHost(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** Whether `token` was issued here (the Resource Graph fake asks). */
  isIssued(token: string): boolean {
    return this.issuedTokens.includes(token);
  }

  async start(): Promise<this> {
    const { cert, key } = await loopbackCertificate();
    this.server = https.createServer({ cert, key }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private metadata(tenant: string): Record<string, unknown> {
    const base = `${this.authorityHost}/${tenant}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${this.authorityHost}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${this.authorityHost}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce'],
      tenant_region_scope: 'EU',
      cloud_instance_name: '127.0.0.1',
      cloud_graph_host_name: '127.0.0.1',
      msgraph_host: '127.0.0.1',
    };
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', this.authorityHost);
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method === 'GET' && url.pathname.endsWith('/v2.0/.well-known/openid-configuration')) {
      this.metadataRequests.push(url.pathname);
      this.json(res, 200, this.metadata(parts[0] ?? 'common'));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/common/discovery/instance') {
      this.metadataRequests.push(url.pathname);
      const host = url.host;
      this.json(res, 200, {
        tenant_discovery_endpoint: `${this.authorityHost}/${this.options.tenantId}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      });
      return;
    }
    if (req.method === 'POST' && /\/oauth2\/v2\.0\/token$/.test(url.pathname)) {
      const form = new URLSearchParams(body);
      const record: TokenRequestRecord = {
        grantType: form.get('grant_type'),
        clientId: form.get('client_id'),
        scope: form.get('scope'),
        hasClaims: form.has('claims'),
        ok: false,
      };
      this.tokenRequests.push(record);
      const tenant = parts[0];
      if (tenant !== this.options.tenantId) {
        this.json(res, 400, { error: 'invalid_request', error_description: `AADSTS90002: Tenant '${tenant}' not found.`, error_codes: [90002] });
        return;
      }
      if (record.grantType !== 'client_credentials' || record.clientId !== this.options.clientId) {
        this.json(res, 400, {
          error: 'unauthorized_client',
          error_description: `AADSTS700016: Application with identifier '${record.clientId}' was not found in the directory.`,
          error_codes: [700016],
        });
        return;
      }
      const presented = form.get('client_secret') ?? '';
      if (presented !== this.options.clientSecret) {
        const echo = this.options.echoSecretInErrors ? ` (received '${presented}')` : '';
        this.json(res, 401, {
          error: 'invalid_client',
          error_description: `AADSTS7000215: Invalid client secret provided${echo}. Ensure the secret being sent in the request is the client secret value, not the client secret ID. Trace ID: 0000 Correlation ID: 0000 Timestamp: 2026-01-01 00:00:00Z`,
          error_codes: [7000215],
          trace_id: '00000000-0000-0000-0000-000000000000',
          correlation_id: '00000000-0000-0000-0000-000000000000',
        });
        return;
      }
      const token = `canary-access-token-${this.issuedTokens.length + 1}-${randomBytes(12).toString('hex')}`;
      this.issuedTokens.push(token);
      record.ok = true;
      const expiresIn = this.options.expiresIn ?? 3600;
      this.json(res, 200, { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token });
      return;
    }
    this.json(res, 404, { error: 'not_found', error_description: `no fake for ${req.method} ${url.pathname}` });
  }
}
