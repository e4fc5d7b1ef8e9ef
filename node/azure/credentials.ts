/**
 * Azure sign-in for the main process and the CLI (docs/SECURITY.md row 16: tokens stay here).
 *
 * Every method is a real `@azure/identity` credential pointed at the selected cloud's
 * authority host (instance discovery off for a custom host), wrapped so that
 * - every access token it hands out is registered with a {@link SecretRedactor}, and
 * - failures surface as a redacted `TransportError('authentication', …)` with the AADSTS code,
 * - a 401 seen by the transport can force the next token past MSAL's cache.
 */
import {
  AzureCliCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  DeviceCodeCredential,
  InteractiveBrowserCredential,
  type AuthenticationRecord,
  type TokenCachePersistenceOptions,
} from '@azure/identity';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { ResolvedCloud } from '../../core/azure/clouds';
import { SecretRedactor, safeErrorMessage } from '../../core/azure/redact';
import { TransportError } from '../../core/azure/transport';

/** How the consultant signs in. */
export type SignInMethod = 'browser' | 'device-code' | 'cli' | 'service-principal';

export const SIGN_IN_METHODS: readonly SignInMethod[] = ['browser', 'device-code', 'cli', 'service-principal'];

/**
 * Public client used for browser and device-code sign-in when none is configured: the
 * well-known Azure CLI application, which every tenant already trusts for ARM.
 */
export const DEFAULT_PUBLIC_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

/** What the UI may show for device-code sign-in (no secret in it). */
export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  message: string;
}

/** TLS settings for the HTTPS agent of the credential and the Resource Graph client. */
export interface ExtraTlsOptions {
  /** Extra trusted CA certificates (PEM), e.g. a corporate TLS-inspection root or a test CA. */
  ca?: string | string[];
}

/** Input of {@link createSignIn}. */
export interface SignInOptions {
  method: SignInMethod;
  cloud: ResolvedCloud;
  /** Directory (tenant) id or domain; `organizations` for browser/device code when unset. */
  tenantId?: string;
  /** App registration id. Required for service principals; optional otherwise. */
  clientId?: string;
  /** Service principal secret. Never logged, never returned. */
  clientSecret?: string;
  /** Service principal PEM certificate (with private key) on disk. */
  certificatePath?: string;
  certificatePassword?: string;
  /** A record from an earlier {@link AzureSignIn.authenticate}, to sign in silently. */
  authenticationRecord?: AuthenticationRecord;
  /**
   * Persist the MSAL token cache through the registered safeStorage plugin (see
   * token-cache.ts). Only pass `true` after `registerSafeStorageTokenCache` accepted.
   */
  persistTokenCache?: boolean;
  /** Called with the code to show for device-code sign-in. */
  onDeviceCode?: (prompt: DeviceCodePrompt) => void;
  /** Prefills the account in the browser. */
  loginHint?: string;
  /**
   * Browser and device code only: `getToken` never starts an interactive sign-in by itself
   * (it fails instead, asking to sign in again); only {@link AzureSignIn.authenticate} does.
   * The app sets it so a pull never pops a browser or a code nobody asked for; the CLI
   * leaves it off so a first token request signs in.
   */
  disableAutomaticAuthentication?: boolean;
  tlsOptions?: ExtraTlsOptions;
  /** Shared redactor; a new one is made when absent. */
  redactor?: SecretRedactor;
}

/** A signed-in (or ready to sign in) identity. Lives in main or the CLI only. */
export interface AzureSignIn {
  readonly method: SignInMethod;
  readonly cloud: ResolvedCloud;
  /** Use for the Resource Graph client; never hand it (or its tokens) to the renderer. */
  readonly credential: TokenCredential;
  /** Knows the client secret and every token issued; use for every outgoing message. */
  readonly redactor: SecretRedactor;
  /**
   * Signs in now (opens the browser / shows the device code, or fetches a first token)
   * and returns the non-secret record to remember for interactive methods.
   */
  authenticate(signal?: AbortSignal): Promise<AuthenticationRecord | undefined>;
  /** Makes the next token request bypass MSAL's cache (after a 401). */
  forceRefreshOnNextToken(): void;
}

/** Thrown for sign-in options that cannot work (missing ids, unknown method). */
export class SignInConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInConfigError';
  }
}

const PERSISTENCE_NAME = 'demarc';

function persistence(enabled: boolean | undefined): { tokenCachePersistenceOptions?: TokenCachePersistenceOptions } {
  return enabled ? { tokenCachePersistenceOptions: { enabled: true, name: PERSISTENCE_NAME, unsafeAllowUnencryptedStorage: false } } : {};
}

/** Explains a credential failure in one line, with the AADSTS code when there is one. */
export function describeSignInFailure(method: SignInMethod, error: unknown, redactor: SecretRedactor): { message: string; code?: string } {
  const raw = safeErrorMessage(error, (t) => redactor.redact(t), 900);
  const code = /AADSTS\d+/.exec(raw)?.[0];
  let hint = '';
  if (code === 'AADSTS7000215' || code === 'AADSTS7000222') hint = 'the client secret is wrong or expired. ';
  else if (code === 'AADSTS700016') hint = 'the application (client) id is not known in this tenant. ';
  else if (code === 'AADSTS90002') hint = 'the tenant was not found. ';
  else if (code === 'AADSTS700027') hint = 'the certificate is not registered for this application. ';
  else if (!code && /endpoints_resolution_error/.test(raw)) hint = 'the tenant was not found at this authority host, or the host could not be reached. ';
  else if (/AuthenticationRequiredError|interaction_required|Automatic authentication has been disabled/i.test(raw)) hint = 'the sign-in has expired; sign in again. ';
  else if (method === 'cli' && /az login|Azure CLI|not installed/i.test(raw)) hint = "run 'az login' first. ";
  const firstLine = raw.split(/(?<=\.)\s+Trace ID:/)[0] ?? raw;
  return { message: `Sign-in failed (${method}): ${hint}${firstLine}`, ...(code ? { code } : {}) };
}

class GuardedCredential implements TokenCredential {
  private forceRefresh = false;

  constructor(
    private readonly inner: TokenCredential,
    private readonly method: SignInMethod,
    private readonly redactor: SecretRedactor,
  ) {}

  requestFreshToken(): void {
    this.forceRefresh = true;
  }

  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken | null> {
    let tokenOptions = options;
    // MSAL serves a cached token until it nears expiry; a claims request (the same nbf
    // form ARM sends in CAE challenges) makes it fetch a new one. The Azure CLI credential
    // has no cache of ours and rejects claims, so it is only re-asked.
    if (this.forceRefresh && this.method !== 'cli' && !options.claims) {
      const nbf = String(Math.floor(Date.now() / 1000));
      tokenOptions = { ...options, claims: JSON.stringify({ access_token: { nbf: { essential: true, value: nbf } } }) };
    }
    this.forceRefresh = false;
    try {
      const token = await this.inner.getToken(scopes, tokenOptions);
      if (token) this.redactor.add(token.token);
      return token;
    } catch (error) {
      if (options.abortSignal?.aborted) throw new TransportError('aborted', 'sign-in was cancelled');
      const { message, code } = describeSignInFailure(this.method, error, this.redactor);
      throw new TransportError('authentication', message, code);
    }
  }
}

/** Builds the credential for `options.method`. Nothing is sent until a token is needed. */
export function createSignIn(options: SignInOptions): AzureSignIn {
  const { cloud } = options;
  const redactor = options.redactor ?? new SecretRedactor();
  redactor.add(options.clientSecret);
  redactor.add(options.certificatePassword);
  const common = {
    authorityHost: cloud.authorityHost,
    disableInstanceDiscovery: cloud.disableInstanceDiscovery,
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
    // The SDK logs through @azure/logger only when AZURE_LOG_LEVEL is set; never PII.
    loggingOptions: { allowLoggingAccountIdentifiers: false, enableUnsafeSupportLogging: false },
  };
  let inner: TokenCredential;
  let interactive: { authenticate(scopes: string | string[], options?: GetTokenOptions): Promise<AuthenticationRecord | undefined> } | undefined;
  switch (options.method) {
    case 'service-principal': {
      if (!options.tenantId || !options.clientId) {
        throw new SignInConfigError('a service principal needs a tenant id and a client id (AZURE_TENANT_ID, AZURE_CLIENT_ID)');
      }
      if (options.clientSecret) {
        inner = new ClientSecretCredential(options.tenantId, options.clientId, options.clientSecret, { ...common, ...persistence(options.persistTokenCache) });
      } else if (options.certificatePath) {
        inner = new ClientCertificateCredential(
          options.tenantId,
          options.clientId,
          { certificatePath: options.certificatePath, ...(options.certificatePassword ? { certificatePassword: options.certificatePassword } : {}) },
          { ...common, ...persistence(options.persistTokenCache) },
        );
      } else {
        throw new SignInConfigError('a service principal needs a secret or a certificate (AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH)');
      }
      break;
    }
    case 'cli': {
      inner = new AzureCliCredential({ ...(options.tenantId ? { tenantId: options.tenantId } : {}) });
      break;
    }
    case 'device-code': {
      const credential = new DeviceCodeCredential({
        ...common,
        ...persistence(options.persistTokenCache),
        tenantId: options.tenantId ?? 'organizations',
        clientId: options.clientId ?? DEFAULT_PUBLIC_CLIENT_ID,
        ...(options.authenticationRecord ? { authenticationRecord: options.authenticationRecord } : {}),
        ...(options.disableAutomaticAuthentication ? { disableAutomaticAuthentication: true } : {}),
        userPromptCallback: (info) => {
          options.onDeviceCode?.({ userCode: info.userCode, verificationUri: info.verificationUri, message: info.message });
        },
      });
      inner = credential;
      interactive = credential;
      break;
    }
    case 'browser': {
      // System browser, loopback redirect on a free localhost port, PKCE: all MSAL's.
      const credential = new InteractiveBrowserCredential({
        ...common,
        ...persistence(options.persistTokenCache),
        tenantId: options.tenantId ?? 'organizations',
        clientId: options.clientId ?? DEFAULT_PUBLIC_CLIENT_ID,
        redirectUri: 'http://localhost',
        ...(options.loginHint ? { loginHint: options.loginHint } : {}),
        ...(options.authenticationRecord ? { authenticationRecord: options.authenticationRecord } : {}),
        ...(options.disableAutomaticAuthentication ? { disableAutomaticAuthentication: true } : {}),
      });
      inner = credential;
      interactive = credential;
      break;
    }
    default:
      throw new SignInConfigError(`unknown sign-in method ${JSON.stringify(options.method)}; use ${SIGN_IN_METHODS.join(', ')}`);
  }
  const guarded = new GuardedCredential(inner, options.method, redactor);
  return {
    method: options.method,
    cloud,
    credential: guarded,
    redactor,
    async authenticate(signal) {
      // CAE on, as the Resource Graph client asks for it: MSAL keeps CAE and non-CAE tokens
      // in separate caches, and signing in for the other one would prompt a second time.
      const tokenOptions: GetTokenOptions = { enableCae: true, ...(signal ? { abortSignal: signal } : {}) };
      if (interactive) {
        try {
          return await interactive.authenticate(cloud.tokenScope, tokenOptions);
        } catch (error) {
          const { message, code } = describeSignInFailure(options.method, error, redactor);
          throw new TransportError(signal?.aborted ? 'aborted' : 'authentication', message, code);
        }
      }
      await guarded.getToken(cloud.tokenScope, tokenOptions);
      return undefined;
    },
    forceRefreshOnNextToken: () => guarded.requestFreshToken(),
  };
}

/** Picks the CLI default: a service principal when its variables are set, else the Azure CLI. */
export function defaultSignInMethod(env: Record<string, string | undefined>): SignInMethod {
  const hasSp = Boolean(env.AZURE_TENANT_ID && env.AZURE_CLIENT_ID && (env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH));
  return hasSp ? 'service-principal' : 'cli';
}
