import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  DEFAULT_RETRY_LIMITS,
  pacingDelay,
  parseQuotaResetsAfter,
  parseRetryAfter,
  readQuota,
  systemClock,
  throttledDelay,
} from '../../../../core/azure/retry-policy';

const clock = { now: () => Date.parse('2026-03-01T09:00:00Z'), random: () => 0.5 };

describe('retry policy', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', clock.now())).toBe(3000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:00:10 GMT', clock.now())).toBe(10_000);
    expect(parseRetryAfter('soon', clock.now())).toBeUndefined();
    expect(parseRetryAfter(undefined, clock.now())).toBeUndefined();
  });

  it('parses the quota reset TimeSpan', () => {
    expect(parseQuotaResetsAfter('00:00:03')).toBe(3000);
    expect(parseQuotaResetsAfter('00:00:00.5')).toBe(500);
    expect(parseQuotaResetsAfter('00:01:02')).toBe(62_000);
    expect(parseQuotaResetsAfter('1.00:00:00')).toBe(86_400_000);
    expect(parseQuotaResetsAfter('3s')).toBeUndefined();
    expect(readQuota({ 'x-ms-user-quota-remaining': '7', 'x-ms-user-quota-resets-after': '00:00:04' })).toEqual({ remaining: 7, resetsAfterMs: 4000 });
    expect(readQuota({})).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped', () => {
    const limits = { ...DEFAULT_RETRY_LIMITS, baseDelayMs: 1000, maxDelayMs: 8000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, limits, () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, limits, () => 0.999999))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });

  it('paces before the quota reaches zero', () => {
    const limits = DEFAULT_RETRY_LIMITS;
    expect(pacingDelay(undefined, limits)).toBe(0);
    expect(pacingDelay({ remaining: 10, resetsAfterMs: 5000 }, limits)).toBe(0);
    expect(pacingDelay({ remaining: 4, resetsAfterMs: 5000 }, limits)).toBe(1250);
    expect(pacingDelay({ remaining: 2, resetsAfterMs: 5000 }, limits)).toBe(2500);
    expect(pacingDelay({ remaining: 1, resetsAfterMs: 5000 }, limits)).toBe(5000);
    expect(pacingDelay({ remaining: 0, resetsAfterMs: 5000 }, limits)).toBe(5000);
  });

  it('waits on a 429 for Retry-After, else the quota reset, else backoff', () => {
    expect(throttledDelay({ 'retry-after': '2' }, 1, DEFAULT_RETRY_LIMITS, clock)).toBe(2125);
    expect(throttledDelay({ 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:04' }, 1, DEFAULT_RETRY_LIMITS, clock)).toBe(4125);
    expect(throttledDelay({}, 2, DEFAULT_RETRY_LIMITS, clock)).toBe(1500);
  });

  it('system clock sleep rejects when aborted', async () => {
    const controller = new AbortController();
    const pending = systemClock.sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});
