import type { RiskView } from '../types';
import type { ModelContext } from './context';

/** How firmly a risk is known: inventory evidence first, then the consultant's, then the interview's word. */
const EVIDENCE_RANK: Record<RiskView['evidenceStatus'], number> = { verified: 2, contradicted: 2, manual: 1, reported: 0 };
const CRITICALITY_RANK = { critical: 4, high: 3, medium: 2, low: 1 } as const;

/** The criticality rank of the most critical business service a risk touches (0 when none or not set). */
export function serviceCriticality(ctx: ModelContext): (r: RiskView) => number {
  const rank = new Map<string, number>();
  for (const s of ctx.bundle.businessServices ?? []) rank.set(ctx.clean(s.name), s.criticality ? CRITICALITY_RANK[s.criticality] : 0);
  return (r) => Math.max(0, ...r.businessServices.map((name) => rank.get(name) ?? 0));
}

/**
 * Most serious first by the current (inherent) rating, whatever the target: level, then
 * likelihood × impact. Ties go to what a reader would act on first: a risk the inventory
 * verifies before one only reported, then the more critical business service, then the
 * wider blast radius (affected resources). The id orders only what is still equal.
 */
export function byCurrentRisk(ctx: ModelContext): (x: RiskView, y: RiskView) => number {
  const order = (id: string): number => ctx.levelOf(id).order;
  const criticality = serviceCriticality(ctx);
  return (x, y) =>
    order(y.inherent.level) - order(x.inherent.level) ||
    y.inherent.likelihood * y.inherent.impact - x.inherent.likelihood * x.inherent.impact ||
    EVIDENCE_RANK[y.evidenceStatus] - EVIDENCE_RANK[x.evidenceStatus] ||
    criticality(y) - criticality(x) ||
    y.affectedResourceCount - x.affectedResourceCount ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** Whether a level is one of the top two of the risk matrix (e.g. High and Very high). */
export function isSerious(ctx: ModelContext, levelId: string): boolean {
  const top = ctx.levels[ctx.levels.length - 1]?.order ?? 0;
  return ctx.levelOf(levelId).order >= top - 1;
}
