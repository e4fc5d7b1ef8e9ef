/**
 * A fake Entra ID on 127.0.0.1 (HTTPS): OIDC metadata, instance discovery, the v2 token
 * endpoint for `client_credentials`, the device-code flow (`/devicecode` plus the
 * `device_code` grant) and the `refresh_token` grant. It issues opaque access tokens and
 * remembers them so the fake Resource Graph can check (and expire) them.
 *
 * For the user flows it returns what MSAL Node needs to build an account: an unsigned but
 * well-formed `id_token` JWT (MSAL reads its claims, it does not check signatures) and
 * `client_info` (base64url `{uid, utid}`, from which MSAL derives the home account id).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackHttps, type LoopbackHttpsServer } from './tls';

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
  /**
   * Device codes are approved at their first poll (default) or only when the test calls
   * {@link FakeEntra.approveDeviceCode}.
   */
  deviceCodeApproval?: 'auto' | 'manual';
  /** `interval` of device-code answers, in seconds (default 1). */
  deviceCodeInterval?: number;
  /** The signed-in user of the device-code flow (default consultant@contoso.example). */
  username?: string;
  /** Tenants whose metadata resolves besides `tenantId`, `organizations` and `common`. */
  extraTenants?: string[];
}

/** One device code the fake handed out. */
export interface IssuedDeviceCode {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  approved: boolean;
  redeemed: boolean;
  polls: number;
}

export interface TokenRequestRecord {
  grantType: string | null;
  clientId: string | null;
  scope: string | null;
  hasClaims: boolean;
  ok: boolean;
}

/** The home object id of the fake user. */
export const FAKE_USER_OID = '0c0c0c0c-1111-2222-3333-444444444444';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export class FakeEntra {
  readonly issuedTokens: string[] = [];
  /** Refresh tokens issued by the user flows (never valid at Resource Graph). */
  readonly issuedRefreshTokens: string[] = [];
  readonly deviceCodes: IssuedDeviceCode[] = [];
  readonly tokenRequests: TokenRequestRecord[] = [];
  readonly metadataRequests: string[] = [];
  private loopback: LoopbackHttpsServer | undefined;

  constructor(readonly options: FakeEntraOptions) {}

  get authorityHost(): string {
    if (!this.loopback) throw new Error('start() the fake first');
    return this.loopback.origin;
  }

  /** Approves the newest (or the given) device code, as the user would in the browser. */
  approveDeviceCode(userCode?: string): IssuedDeviceCode {
    const entry = userCode ? this.deviceCodes.find((d) => d.userCode === userCode) : this.deviceCodes.at(-1);
    if (!entry) throw new Error('no device code was issued');
    entry.approved = true;
    return entry;
  }

  /** Every secret the fake handed out: access tokens, refresh tokens and device codes. */
  get allSecrets(): string[] {
    return [...this.issuedTokens, ...this.issuedRefreshTokens, ...this.deviceCodes.map((d) => d.deviceCode)];
  }

  private knownTenant(tenant: string | undefined): boolean {
    return tenant !== undefined && [this.options.tenantId, 'organizations', 'common', ...(this.options.extraTenants ?? [])].includes(tenant);
  }

  private tenantNotFound(res: ServerResponse, tenant: string | undefined): void {
    this.json(res, 400, {
      error: 'invalid_tenant',
      error_description: `AADSTS90002: Tenant '${tenant ?? ''}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      error_codes: [90002],
    });
  }

  /** A user-flow token answer: access token, refresh token, id_token and client_info. */
  private userTokens(clientId: string, scope: string | null): Record<string, unknown> {
    const token = `canary-access-token-${this.issuedTokens.length + 1}-${randomBytes(12).toString('hex')}`;
    const refresh = `canary-refresh-token-${this.issuedRefreshTokens.length + 1}-${randomBytes(12).toString('hex')}`;
    this.issuedTokens.push(token);
    this.issuedRefreshTokens.push(refresh);
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = this.options.expiresIn ?? 3600;
    const tid = this.options.tenantId;
    const idToken = [
      base64url({ typ: 'JWT', alg: 'RS256', kid: 'fake' }),
      base64url({
        aud: clientId,
        iss: `${this.authorityHost}/${tid}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + expiresIn,
        name: 'Fake Consultant',
        oid: FAKE_USER_OID,
        preferred_username: this.options.username ?? 'consultant@contoso.example',
        sub: 'fake-subject',
        tid,
        ver: '2.0',
      }),
      Buffer.from('unsigned-fake-signature').toString('base64url'),
    ].join('.');
    return {
      token_type: 'Bearer',
      scope: scope ?? '',
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      access_token: token,
      refresh_token: refresh,
      id_token: idToken,
      client_info: base64url({ uid: FAKE_USER_OID, utid: tid }),
    };
  }

  /** Whether `token` was issued here (the Resource Graph fake asks). */
  isIssued(token: string): boolean {
    return this.issuedTokens.includes(token);
  }

  async start(): Promise<this> {
    this.loopback = await startLoopbackHttps((req, res, body) => this.handle(req, res, body));
    return this;
  }

  async stop(): Promise<void> {
    await this.loopback?.stop();
    this.loopback = undefined;
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
      if (!this.knownTenant(parts[0])) {
        this.tenantNotFound(res, parts[0]);
        return;
      }
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
    if (req.method === 'POST' && /\/oauth2\/v2\.0\/devicecode$/.test(url.pathname)) {
      const form = new URLSearchParams(body);
      if (!this.knownTenant(parts[0])) {
        this.tenantNotFound(res, parts[0]);
        return;
      }
      const userCode = `${randomBytes(2).toString('hex').toUpperCase()}-${randomBytes(2).toString('hex').toUpperCase()}`;
      const entry: IssuedDeviceCode = {
        deviceCode: `canary-device-code-${randomBytes(16).toString('hex')}`,
        userCode,
        clientId: form.get('client_id') ?? '',
        scope: form.get('scope') ?? '',
        approved: false,
        redeemed: false,
        polls: 0,
      };
      this.deviceCodes.push(entry);
      const verificationUri = `${this.authorityHost}/devicelogin`;
      this.json(res, 200, {
        device_code: entry.deviceCode,
        user_code: userCode,
        verification_uri: verificationUri,
        expires_in: 900,
        interval: this.options.deviceCodeInterval ?? 1,
        message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
      });
      return;
    }
    if (req.method === 'POST' && /\/oauth2\/v2\.0\/token$/.test(url.pathname)) {
      const form = new URLSearchParams(body);
      const grantType = form.get('grant_type');
      // MSAL sends `device_code`; the RFC 8628 URN is accepted too, as Entra does.
      if (grantType === 'device_code' || grantType === 'urn:ietf:params:oauth:grant-type:device_code' || grantType === 'refresh_token') {
        this.userGrant(res, parts[0], form);
        return;
      }
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

  /** The device_code and refresh_token grants of a public client. */
  private userGrant(res: ServerResponse, tenant: string | undefined, form: URLSearchParams): void {
    const record: TokenRequestRecord = {
      grantType: form.get('grant_type'),
      clientId: form.get('client_id'),
      scope: form.get('scope'),
      hasClaims: form.has('claims'),
      ok: false,
    };
    this.tokenRequests.push(record);
    if (!this.knownTenant(tenant)) {
      this.tenantNotFound(res, tenant);
      return;
    }
    const clientId = record.clientId ?? '';
    if (record.grantType === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      if (!this.issuedRefreshTokens.includes(presented)) {
        this.json(res, 400, { error: 'invalid_grant', error_description: 'AADSTS70000: The provided value for the refresh token is not valid.', error_codes: [70000] });
        return;
      }
      record.ok = true;
      this.json(res, 200, this.userTokens(clientId, record.scope));
      return;
    }
    const entry = this.deviceCodes.find((d) => d.deviceCode === form.get('device_code'));
    if (!entry || entry.redeemed) {
      this.json(res, 400, { error: 'expired_token', error_description: 'AADSTS70020: The provided value for the input parameter device_code is not valid.', error_codes: [70020] });
      return;
    }
    entry.polls += 1;
    if ((this.options.deviceCodeApproval ?? 'auto') === 'auto') entry.approved = true;
    if (!entry.approved) {
      this.json(res, 400, {
        error: 'authorization_pending',
        error_description: 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
        error_codes: [70016],
      });
      return;
    }
    entry.redeemed = true;
    record.ok = true;
    this.json(res, 200, this.userTokens(clientId, record.scope));
  }
}
