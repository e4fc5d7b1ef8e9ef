import type { Owner } from '../../content/vocabulary';
import { interviewProgress } from '../../interview/flow';
import { CATEGORY_LABEL } from '../labels';
import type { HeatMap, Horizon, LevelInfo, Rating, ReportModel, RiskView } from '../types';
import type { ModelContext } from './context';

export const HORIZON_LABEL: Record<Horizon, string> = { '30': 'First 30 days', '60': 'Days 31–60', '90': 'Days 61–90', later: 'Beyond 90 days' };

/** Risks counted (and listed) on the 5 × 5 likelihood × impact grid. */
export function heatMap(risks: readonly RiskView[], pick: (r: RiskView) => Rating): HeatMap {
  const counts = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 0));
  const ids = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => [] as string[]));
  for (const r of risks) {
    const x = pick(r);
    counts[x.likelihood - 1]![x.impact - 1]!++;
    ids[x.likelihood - 1]![x.impact - 1]!.push(r.id);
  }
  return { counts, ids };
}

type PostureRating = 'Weak' | 'Needs improvement' | 'Fair' | 'Good';

/** The overall rating from how many risks sit at the top two levels (inherent). */
export function postureRating(byLevel: readonly { level: LevelInfo; inherent: number }[], levels: readonly LevelInfo[]): PostureRating {
  const count = (level: LevelInfo | undefined): number => byLevel.find((b) => b.level.id === level?.id)?.inherent ?? 0;
  const top = count(levels[levels.length - 1]);
  const second = count(levels[levels.length - 2]);
  if (top >= 3 || top + second >= 10) return 'Weak';
  if (top > 0 || second >= 3) return 'Needs improvement';
  return second > 0 ? 'Fair' : 'Good';
}

function postureStatement(rating: PostureRating, topLabel: string | undefined): string {
  switch (rating) {
    case 'Weak':
      return `Several risks are rated ${topLabel ?? 'at the top level'}: an attacker has realistic paths to a tenant-wide compromise or major data loss today, and the first 30 days of the roadmap should be treated as urgent.`;
    case 'Needs improvement':
      return 'The estate has a workable foundation but a small number of serious gaps; closing the 30-day priorities removes the most likely attack paths.';
    case 'Fair':
      return 'No risk reaches the top level; the remaining high-rated risks should be treated in the next quarter.';
    default:
      return 'No high-rated risk was identified; maintain the controls and verify Microsoft’s side as described.';
  }
}

/** Overall posture: rating and statement, risks per level, interview scores by domain. */
export function posture(ctx: ModelContext, risks: readonly RiskView[]): ReportModel['posture'] {
  const { levels } = ctx;
  const inherent = new Map<string, number>();
  const residual = new Map<string, number>();
  for (const r of risks) {
    inherent.set(r.inherent.level, (inherent.get(r.inherent.level) ?? 0) + 1);
    residual.set(r.residual.level, (residual.get(r.residual.level) ?? 0) + 1);
  }
  const byLevel = levels.map((level) => ({ level, inherent: inherent.get(level.id) ?? 0, residual: residual.get(level.id) ?? 0 }));
  const rating = postureRating(byLevel, levels);
  const progress = interviewProgress(ctx.pack, ctx.bundle.answers);
  return {
    rating,
    statement: postureStatement(rating, levels[levels.length - 1]?.label),
    byLevel,
    domainScores: progress.domains.filter((d) => d.domainId !== 'scoping').map((d) => ({ title: d.title, answered: d.answered, total: d.total, score: d.score })),
    residualUnset: risks.filter((r) => !r.residualSet).length,
  };
}

/** Who owns what: counts per owner, the risks the client must act on, and owners per category. */
export function responsibility(risks: readonly RiskView[], sortedRisks: readonly RiskView[]): ReportModel['responsibility'] {
  const counts: Record<Owner | 'unknown', number> = { microsoft: 0, customer: 0, shared: 0, unknown: 0 };
  const perCategory = new Map<string, { microsoft: number; customer: number; shared: number }>();
  for (const r of risks) {
    counts[r.owner]++;
    let c = perCategory.get(r.category);
    if (!c) perCategory.set(r.category, (c = { microsoft: 0, customer: 0, shared: 0 }));
    if (r.owner !== 'unknown') c[r.owner]++;
  }
  const byCategory = [...perCategory]
    .map(([c, n]) => ({ category: CATEGORY_LABEL[c as keyof typeof CATEGORY_LABEL] ?? c, ...n }))
    .sort((x, y) => y.customer + y.shared - (x.customer + x.shared) || x.category.localeCompare(y.category));
  return {
    counts,
    customerMustOwn: sortedRisks.filter((r) => r.owner === 'customer' || r.owner === 'shared'),
    verifyOnly: sortedRisks.filter((r) => r.owner === 'microsoft'),
    byCategory,
  };
}

/** Risks per roadmap horizon, each list in roadmap order. */
export function priorities(roadmapOrder: readonly RiskView[]): Record<Horizon, RiskView[]> {
  const out: Record<Horizon, RiskView[]> = { '30': [], '60': [], '90': [], later: [] };
  for (const r of roadmapOrder) out[r.horizon].push(r);
  return out;
}

/** The roadmap: one entry per horizon, in order. */
export function roadmap(byHorizon: Record<Horizon, RiskView[]>): ReportModel['roadmap'] {
  return (['30', '60', '90', 'later'] as const).map((h) => ({ horizon: h, label: HORIZON_LABEL[h], items: byHorizon[h] }));
}
