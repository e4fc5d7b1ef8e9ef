/**
 * Composite availability arithmetic (Azure Well-Architected RE:04). Inputs and outputs are
 * monthly uptime percentages; `null` means "no figure" (no SLA, or unknown) and makes every
 * composite that needs it `null`: a missing link is never treated as 100 %.
 */

/** Minutes in the 30-day month the downtime figures use. */
export const MINUTES_PER_MONTH = 30 * 24 * 60;

const toFraction = (pct: number): number => pct / 100;
const toPercent = (fraction: number): number => Math.round(fraction * 100 * 1e6) / 1e6;

/** Every component is required: A = a1 × a2 × … × an. */
export function serialAvailability(components: readonly (number | null)[]): number | null {
  if (components.length === 0 || components.some((c) => c === null)) return null;
  return toPercent(components.reduce<number>((acc, c) => acc * toFraction(c!), 1));
}

/** Any one component suffices (independent fallbacks): A = 1 − Π(1 − ai). */
export function parallelAvailability(components: readonly (number | null)[]): number | null {
  if (components.length === 0 || components.some((c) => c === null)) return null;
  return toPercent(1 - components.reduce<number>((acc, c) => acc * (1 - toFraction(c!)), 1));
}

/** The same deployment in `regions` regions, any one sufficing: A = 1 − (1 − N)^R. */
export function multiRegionAvailability(singleRegion: number | null, regions: number): number | null {
  if (singleRegion === null || !Number.isInteger(regions) || regions < 1) return null;
  return toPercent(1 - (1 - toFraction(singleRegion)) ** regions);
}

/** Expected downtime in a 30-day month at an uptime percentage. */
export function downtimeMinutesPerMonth(uptime: number | null): number | null {
  if (uptime === null) return null;
  return Math.round((1 - toFraction(uptime)) * MINUTES_PER_MONTH * 1000) / 1000;
}
