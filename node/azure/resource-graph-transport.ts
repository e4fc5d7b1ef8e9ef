/**
 * The real {@link ResourceGraphTransport}: `@azure/arm-resourcegraph`'s
 * `ResourceGraphClient.resources()` against the cloud's ARM endpoint, with the token scope
 * `${armEndpoint}/.default`.
 *
 * The SDK's own retry policy is off (`retryOptions.maxRetries = 0`) so that core/azure's
 * policy owns 429 (with or without Retry-After), 5xx and resets; the raw status, headers
 * and body come from the `onResponse` callback, including for non-200 answers and bodies
 * the SDK could not parse.
 */
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { ResolvedCloud } from '../../core/azure/clouds';
import { safeErrorMessage } from '../../core/azure/redact';
import {
  TransportError,
  type ResourceGraphRequest,
  type ResourceGraphResponse,
  type ResourceGraphTransport,
} from '../../core/azure/transport';
import type { AzureSignIn, ExtraTlsOptions } from './credentials';

/** Input of {@link createResourceGraphTransport}. */
export interface ResourceGraphTransportOptions {
  signIn: Pick<AzureSignIn, 'credential' | 'redactor' | 'forceRefreshOnNextToken'>;
  cloud: Pick<ResolvedCloud, 'armEndpoint' | 'tokenScope'>;
  tlsOptions?: ExtraTlsOptions;
  /** Per-request timeout; a stalled socket becomes a retryable connection failure. */
  timeoutMs?: number;
}

interface RawResponse {
  status: number;
  headers: { toJSON(options?: { preserveCase?: boolean }): Record<string, string> };
  bodyAsText?: string | null;
  parsedBody?: unknown;
}

/** Builds the transport; one SDK client is reused across requests (keep-alive). */
export function createResourceGraphTransport(options: ResourceGraphTransportOptions): ResourceGraphTransport {
  const { signIn, cloud } = options;
  const makeClient = (): ResourceGraphClient =>
    new ResourceGraphClient(signIn.credential, {
      endpoint: cloud.armEndpoint,
      credentials: { scopes: [cloud.tokenScope] },
      retryOptions: { maxRetries: 0 },
      userAgentOptions: { userAgentPrefix: 'demarc' },
      ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
    });
  let client = makeClient();

  return {
    async send(request: ResourceGraphRequest): Promise<ResourceGraphResponse> {
      if (request.refreshCredential) {
        // A fresh client drops the pipeline's cached token; the sign-in drops MSAL's.
        signIn.forceRefreshOnNextToken();
        client = makeClient();
      }
      let captured: RawResponse | undefined;
      try {
        await client.resources(
          {
            query: request.query,
            ...(request.subscriptions ? { subscriptions: request.subscriptions } : {}),
            ...(request.managementGroups ? { managementGroups: request.managementGroups } : {}),
            options: {
              top: request.top,
              ...(request.skipToken ? { skipToken: request.skipToken } : {}),
              resultFormat: 'objectArray',
            },
          },
          {
            ...(request.signal ? { abortSignal: request.signal } : {}),
            requestOptions: { timeout: options.timeoutMs ?? 120_000 },
            onResponse: (raw) => {
              captured = raw as unknown as RawResponse;
            },
          },
        );
      } catch (error) {
        if (error instanceof TransportError) throw error;
        if (request.signal?.aborted) throw new TransportError('aborted', 'the request was cancelled');
        if (!captured) {
          const rawCode = error && typeof error === 'object' && 'code' in error ? (error as { code?: unknown }).code : undefined;
          const code = typeof rawCode === 'string' ? rawCode : undefined;
          const name = error instanceof Error ? error.name : '';
          if (name === 'AbortError') throw new TransportError('connection', 'the request timed out or was aborted', code);
          throw new TransportError('connection', safeErrorMessage(error, signIn.redactor.redactor), code);
        }
        // An HTTP answer the SDK rejected (non-200 or unparsable body): core decides.
      }
      if (!captured) throw new TransportError('connection', 'no response was received');
      const bodyText = captured.bodyAsText ?? '';
      const response: ResourceGraphResponse = {
        status: captured.status,
        headers: captured.headers.toJSON(),
        bodyText,
      };
      if (captured.status === 200 && captured.parsedBody !== undefined && typeof captured.parsedBody === 'object') {
        response.parsedBody = captured.parsedBody;
      }
      return response;
    },
  };
}
