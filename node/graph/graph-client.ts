/**
 * Builds the read-only Microsoft Graph v1.0 client: `@microsoft/microsoft-graph-client` 3.x
 * with its `TokenCredentialAuthenticationProvider` on the sign-in's `@azure/identity`
 * credential (scope `<graph endpoint>/.default`), and Demarc's retry and HTTPS hops
 * (node/graph/middleware.ts). See docs/graph-collector.md.
 */
import { AuthenticationHandler, Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { DEFAULT_RETRY_LIMITS, systemClock, type PullClock, type RetryLimits } from '../../core/azure/retry-policy';
import { TransportError } from '../../core/azure/transport';
import type { ResolvedGraphCloud } from '../../core/graph/clouds';
import type { AzureSignIn, ExtraTlsOptions } from '../azure/credentials';
import { GraphRetryHandler, NodeHttpsHandler, TokenRefreshHandler, type GraphExchange } from './middleware';

/** The credential failed to produce a token; the message is already redacted. */
export class GraphSignInError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'GraphSignInError';
  }
}

/** Turns the sign-in's `TransportError('authentication')` into an error the Graph client keeps by name. */
class SignInErrorCredential implements TokenCredential {
  constructor(private readonly inner: TokenCredential) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    try {
      return await this.inner.getToken(scopes, options);
    } catch (error) {
      if (error instanceof TransportError && error.kind === 'authentication') throw new GraphSignInError(error.message, error.code);
      throw error;
    }
  }
}

export interface GraphClientOptions {
  signIn: Pick<AzureSignIn, 'credential' | 'forceRefreshOnNextToken'>;
  cloud: Pick<ResolvedGraphCloud, 'graphEndpoint' | 'tokenScope'>;
  tlsOptions?: ExtraTlsOptions;
  clock?: PullClock;
  limits?: RetryLimits;
  timeoutMs?: number;
  onRetry?: (info: { url: string; attempt: number; delayMs: number; reason: string }) => void;
  onExchange?: (exchange: GraphExchange) => void;
}

export interface GraphClientHandle {
  client: Client;
  /** Closes the keep-alive sockets. */
  close(): void;
}

export function createGraphClient(options: GraphClientOptions): GraphClientHandle {
  const { cloud } = options;
  const authProvider = new TokenCredentialAuthenticationProvider(new SignInErrorCredential(options.signIn.credential), {
    scopes: [cloud.tokenScope],
  });
  const https = new NodeHttpsHandler(cloud.graphEndpoint, {
    ...(options.tlsOptions?.ca ? { ca: options.tlsOptions.ca } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  });
  const client = Client.initWithMiddleware({
    baseUrl: `${cloud.graphEndpoint}/`,
    defaultVersion: 'v1.0',
    // The library attaches the token only to hosts it knows or is told about: tell it ours.
    customHosts: new Set([new URL(cloud.graphEndpoint).hostname]),
    middleware: [
      new TokenRefreshHandler(() => options.signIn.forceRefreshOnNextToken()),
      new AuthenticationHandler(authProvider),
      new GraphRetryHandler(options.clock ?? systemClock, options.limits ?? DEFAULT_RETRY_LIMITS, options.onRetry),
      https,
    ],
  });
  return { client, close: () => https.close() };
}
