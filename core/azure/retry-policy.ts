/**
 * How long to wait, and whether to try again, after a Resource Graph response.
 *
 * Resource Graph throttles per user (about 15 queries per 5 s) and says so in
 * `x-ms-user-quota-remaining` / `x-ms-user-quota-resets-after`; a 429 may come without
 * `Retry-After` (docs/DOMAIN.md §3), so the SDK's own retry policy is switched off and this
 * one owns 429, 5xx and dropped connections.
 */

/** Time, sleeping and randomness, injected so tests never wait or depend on luck. */
export interface PullClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

/** The real clock: `Date.now`, `setTimeout`, `Math.random` (all present in Node and browsers). */
export const systemClock: PullClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** Limits of the retry policy. */
export interface RetryLimits {
  /** Attempts per page for 5xx, connection and malformed-body failures (first try included). */
  maxAttempts: number;
  /** Attempts per page for 429 (throttling is expected under load, so more patience). */
  maxThrottledAttempts: number;
  /** First backoff step. */
  baseDelayMs: number;
  /** Cap of one exponential backoff step. */
  maxDelayMs: number;
  /** A longer `Retry-After` than this is treated as a failure of the page, not a wait. */
  maxRetryAfterMs: number;
  /** When the quota left is at or below this, wait for the reset before the next request. */
  quotaReserve: number;
}

export const DEFAULT_RETRY_LIMITS: Readonly<RetryLimits> = Object.freeze({
  maxAttempts: 5,
  maxThrottledAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  quotaReserve: 1,
});

/** Exponential backoff with jitter in [50 %, 100 %] of the step ("equal jitter"). */
export function backoffDelay(attempt: number, limits: RetryLimits, random: () => number): number {
  const step = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds; undefined if absent or bad. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (!Number.isNaN(date)) return Math.max(0, date - now);
  return undefined;
}

/**
 * Parses `x-ms-user-quota-resets-after`, a .NET TimeSpan such as `00:00:03` or
 * `00:00:00.5`, into milliseconds.
 */
export function parseQuotaResetsAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [, days, hours, minutes, seconds, fraction] = match;
  const ms =
    ((Number(days ?? 0) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 +
    Number(seconds) * 1000 +
    (fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0);
  return ms;
}

/** Quota state read from a response. */
export interface QuotaState {
  remaining: number;
  resetsAfterMs: number;
}

/** Reads the user quota headers; undefined when the response has none. */
export function readQuota(headers: Record<string, string>): QuotaState | undefined {
  const remainingText = headers['x-ms-user-quota-remaining'];
  const resetsAfterMs = parseQuotaResetsAfter(headers['x-ms-user-quota-resets-after']);
  if (remainingText === undefined || resetsAfterMs === undefined) return undefined;
  const remaining = Number.parseInt(remainingText, 10);
  if (!Number.isFinite(remaining)) return undefined;
  return { remaining, resetsAfterMs };
}

/**
 * How long to wait before the next request so the quota never hits zero: the full reset
 * window once at the reserve, a share of it when the quota runs low, nothing otherwise.
 */
export function pacingDelay(quota: QuotaState | undefined, limits: RetryLimits): number {
  if (!quota) return 0;
  if (quota.remaining <= limits.quotaReserve) return quota.resetsAfterMs;
  const lowWater = limits.quotaReserve + 3;
  if (quota.remaining <= lowWater) return Math.round(quota.resetsAfterMs / (quota.remaining - limits.quotaReserve + 1));
  return 0;
}

/** Delay before retrying a 429: Retry-After, else the quota reset, else backoff. */
export function throttledDelay(
  headers: Record<string, string>,
  attempt: number,
  limits: RetryLimits,
  clock: Pick<PullClock, 'now' | 'random'>,
): number {
  const jitter = Math.round(clock.random() * 250);
  const retryAfter = parseRetryAfter(headers['retry-after'], clock.now());
  if (retryAfter !== undefined) return retryAfter + jitter;
  const quota = readQuota(headers);
  if (quota && quota.resetsAfterMs > 0) return quota.resetsAfterMs + jitter;
  return backoffDelay(attempt, limits, clock.random);
}
