import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downtimeMinutesPerMonth, multiRegionAvailability, parallelAvailability, serialAvailability } from '../../../../core/commitments/composite';

describe('composite availability', () => {
  it("multiplies serial dependencies (Well-Architected's example: App Service × SQL Database)", () => {
    expect(serialAvailability([99.95, 99.99])).toBeCloseTo(99.940005, 6);
    expect(serialAvailability([99.99, 99.99, 99.995])).toBeCloseTo(99.975005, 5);
  });

  it('combines independent fallbacks as 1 − Π(1 − a)', () => {
    expect(parallelAvailability([99.99, 99.9])).toBeCloseTo(99.99999, 6);
  });

  it('gains from a second region as 1 − (1 − N)^R', () => {
    expect(multiRegionAvailability(99.95, 2)).toBeCloseTo(99.999975, 6);
    expect(multiRegionAvailability(99.95, 1)).toBe(99.95);
    expect(multiRegionAvailability(99.95, 0)).toBeNull();
  });

  it('converts uptime to minutes of downtime in a 30-day month', () => {
    expect(downtimeMinutesPerMonth(99.9)).toBeCloseTo(43.2, 3);
    expect(downtimeMinutesPerMonth(99.95)).toBeCloseTo(21.6, 3);
    expect(downtimeMinutesPerMonth(99.99)).toBeCloseTo(4.32, 3);
    expect(downtimeMinutesPerMonth(95)).toBeCloseTo(2160, 3);
    expect(downtimeMinutesPerMonth(100)).toBe(0);
  });

  it('never treats a missing figure as 100 %', () => {
    expect(serialAvailability([99.9, null])).toBeNull();
    expect(parallelAvailability([null, 99.9])).toBeNull();
    expect(serialAvailability([])).toBeNull();
    expect(downtimeMinutesPerMonth(null)).toBeNull();
  });

  it('a chain is never better than its weakest link, and a fallback never worse than its best', () => {
    const pct = fc.double({ min: 90, max: 100, noNaN: true });
    fc.assert(
      fc.property(fc.array(pct, { minLength: 1, maxLength: 6 }), (xs) => {
        expect(serialAvailability(xs)!).toBeLessThanOrEqual(Math.min(...xs) + 1e-6);
        expect(parallelAvailability(xs)!).toBeGreaterThanOrEqual(Math.max(...xs) - 1e-6);
      }),
    );
  });
});
