/**
 * The one seam between the pure pull logic and the network. The Node implementation
 * (node/azure/resource-graph-transport.ts) sends the request with the
 * real `@azure/arm-resourcegraph` client; tests of `core/azure` may script it.
 */

/** One `POST /providers/Microsoft.ResourceGraph/resources` request. */
export interface ResourceGraphRequest {
  query: string;
  /** At most 100 (Resource Graph's limit per request). */
  subscriptions?: string[];
  managementGroups?: string[];
  /** Page size, at most 1000. */
  top: number;
  /** Continuation from the previous page of the same query and scope. */
  skipToken?: string;
  /**
   * Set when the previous attempt got a 401: the transport must not reuse a cached
   * access token for this attempt.
   */
  refreshCredential?: boolean;
  signal?: AbortSignal;
}

/** Whatever HTTP response came back, successful or not. The body is untrusted text. */
export interface ResourceGraphResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  bodyText: string;
  /**
   * The body already parsed as JSON by the transport, when it did so (saves a second
   * parse). Still untrusted: the pull validates it like the text.
   */
  parsedBody?: unknown;
}

/** Why a request produced no HTTP response at all. */
export type TransportFailureKind =
  /** Socket reset, DNS, TLS, timeout, body cut off: worth retrying. */
  | 'connection'
  /** The credential could not produce a token (wrong secret, expired sign-in): fatal. */
  | 'authentication'
  /** The request's signal was aborted. */
  | 'aborted';

/**
 * Thrown by a transport when there is no HTTP response to return. `message` must already
 * be free of tokens and secrets.
 */
export class TransportError extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    message: string,
    /** A short machine code from the underlying error, e.g. `ECONNRESET`, `AADSTS7000215`. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Sends one Resource Graph query request. */
export interface ResourceGraphTransport {
  send(request: ResourceGraphRequest): Promise<ResourceGraphResponse>;
}
