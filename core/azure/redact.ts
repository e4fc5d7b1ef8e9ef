/**
 * Removes access tokens and secrets from text before it is logged, stored in a snapshot,
 * shown in an error, or sent over IPC (docs/SECURITY.md row 16).
 *
 * Two layers: patterns that catch anything token-shaped (bearer headers, JWTs, OAuth form
 * fields), and a registry of exact values known to be secret (the client secret, every
 * access token the credential handed out), because a token need not look like a JWT.
 */

const REDACTED = '[redacted]';

/** Anything shorter is not worth registering (and would redact ordinary words). */
const MIN_SECRET_LENGTH = 8;

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // Authorization: Bearer <token>  /  "Bearer <token>"
  [/\b(Bearer|Pop)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`],
  // JWT / JWS (header.payload.signature)
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // OAuth form fields and query parameters
  [
    /\b(client_secret|client_assertion|access_token|refresh_token|id_token|assertion|password|code_verifier|device_code|code)=([^&\s"']+)/gi,
    `$1=${REDACTED}`,
  ],
  // JSON fields
  [
    /"(client_secret|clientSecret|client_assertion|access_token|accessToken|refresh_token|refreshToken|id_token|idToken|secret|password|token)"\s*:\s*"[^"]*"/g,
    `"$1":"${REDACTED}"`,
  ],
  // Authorization header echoed in a dump
  [/\b(authorization|x-ms-authorization-auxiliary)\s*:\s*[^\r\n]+/gi, `$1: ${REDACTED}`],
];

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Pattern-only redaction (no known secrets). */
export function redactTokenShapes(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Exact secret values to strip, plus the patterns. One registry per sign-in; the Node
 * credential wrapper adds every token it hands out.
 */
export class SecretRedactor {
  private readonly secrets = new Set<string>();
  private matcher: RegExp | null = null;

  constructor(initial: Iterable<string | undefined> = []) {
    for (const secret of initial) this.add(secret);
  }

  /** Registers a secret value (ignored when empty or too short to be a secret). */
  add(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    this.matcher = null;
  }

  /** Returns `text` with every registered secret and every token-shaped string replaced. */
  redact(text: string): string {
    let out = text;
    if (this.secrets.size > 0) {
      // Longest first so a secret containing another is removed whole.
      this.matcher ??= new RegExp(
        [...this.secrets]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'g',
      );
      out = out.replace(this.matcher, REDACTED);
    }
    return redactTokenShapes(out);
  }

  /** A bound function, handy as an option. */
  get redactor(): (text: string) => string {
    return (text) => this.redact(text);
  }
}

/** Message of an unknown thrown value, redacted and cut to `max` characters. */
export function safeErrorMessage(error: unknown, redact: (text: string) => string = redactTokenShapes, max = 600): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  const clean = redact(raw).replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * Copies `value` with `redact` applied to every string in it, keys included. Keys are
 * defined, never assigned, so a row key `__proto__` stays a key of the copy (dropping it
 * is the rows' rule, core/inventory/reserved-keys.ts) and cannot replace its prototype.
 */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return redact(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object' && (Object.getPrototypeOf(node) === Object.prototype || Object.getPrototypeOf(node) === null)) {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) {
        Object.defineProperty(out, redact(key), { value: walk(child), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return node;
  };
  return walk(value) as T;
}
