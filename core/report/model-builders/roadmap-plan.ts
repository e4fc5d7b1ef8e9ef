import type { PersonDays } from '../../content/themes';
import type { Risk } from '../../risks/schema';
import { daysBetween } from '../labels';
import type { PlanItem, PlanPhase, ReportModel, RiskView, ThemeView } from '../types';
import type { ModelContext } from './context';
import { byCurrentRisk } from './themes';

/** A quick win takes at most a working week of one person. */
export const QUICK_WIN_DAYS = 5;

export const PHASE_LABEL: Record<PlanPhase, string> = { '30': 'Days 0–30', '90': 'Days 31–90', later: 'Beyond 90 days' };

/** Used when the pack has no effort data: the ranges of the bundled pack's themes.yaml. */
const DEFAULT_LEVELS: Record<'low' | 'medium' | 'high', PersonDays> = { low: { min: 1, max: 3 }, medium: { min: 5, max: 10 }, high: { min: 15, max: 30 } };

/** Person-days of a fix: the template's own range, else its effort level's. */
export function personDays(ctx: ModelContext, templateId: string, effort: string): PersonDays {
  const data = ctx.pack.themes?.effort;
  const levels = data?.levels ?? DEFAULT_LEVELS;
  return data?.templates?.[templateId] ?? levels[effort as keyof typeof levels] ?? levels.medium;
}

/** Person-days (upper estimate) above which a fix at the level below the top is a programme of work, planned beyond 90 days. */
export const PROGRAMME_DAYS = 20;

/**
 * The phase a fix starts in, from the agreed due date when there is one, else from the
 * current (inherent) level and the effort: the top level now; the next level now when it is a
 * quick win, within 90 days otherwise, later when it is a programme of work; the level below
 * within 90 days when a quick win; the rest beyond 90 days.
 */
export function phaseOf(ctx: ModelContext, r: Risk, days: PersonDays): PlanPhase {
  if (r.dueDate) {
    const d = daysBetween(ctx.reportDate, r.dueDate);
    return d <= 30 ? '30' : d <= 90 ? '90' : 'later';
  }
  const top = ctx.levels[ctx.levels.length - 1]?.order ?? 4;
  const order = ctx.levelOf(r.inherentLevel).order;
  const quick = days.max <= QUICK_WIN_DAYS;
  if (order >= top) return '30';
  if (order === top - 1) return quick ? '30' : days.max > PROGRAMME_DAYS ? 'later' : '90';
  if (order === top - 2 && quick) return '90';
  return 'later';
}

const RANK: Record<PlanPhase, number> = { '30': 0, '90': 1, later: 2 };

/** The register's prerequisites: risk id -> the risk ids whose fixes come first, with the reason. */
export function prerequisites(ctx: ModelContext, risks: readonly Risk[]): Map<string, { ids: string[]; reason: string }[]> {
  const byTemplate = new Map<string, string[]>();
  for (const r of risks) byTemplate.set(r.templateId, [...(byTemplate.get(r.templateId) ?? []), r.id]);
  const out = new Map<string, { ids: string[]; reason: string }[]>();
  for (const d of ctx.pack.themes?.dependencies ?? []) {
    const before = d.after.flatMap((t) => byTemplate.get(t) ?? []);
    if (before.length === 0) continue;
    for (const id of byTemplate.get(d.template) ?? []) out.set(id, [...(out.get(id) ?? []), { ids: before, reason: d.reason }]);
  }
  return out;
}

/** A prerequisite scheduled after its dependent moves forward into the dependent's phase. */
export function pullPrerequisitesForward(items: Map<string, PlanItem>): void {
  for (let changed = true, rounds = 0; changed && rounds < items.size; rounds++) {
    changed = false;
    for (const item of items.values()) {
      for (const id of item.after) {
        const pre = items.get(id);
        if (pre && RANK[pre.phase] > RANK[item.phase]) {
          pre.phase = item.phase;
          pre.pulledForward = true;
          changed = true;
        }
      }
    }
  }
}

/** Items in order of current risk, each after its prerequisites (in the same list). */
export function sequence(items: readonly PlanItem[], sort: (x: RiskView, y: RiskView) => number): PlanItem[] {
  const sorted = [...items].sort((x, y) => sort(x.risk, y.risk));
  const ids = new Set(sorted.map((i) => i.risk.id));
  const out: PlanItem[] = [];
  const placed = new Set<string>();
  const place = (item: PlanItem, trail: Set<string>): void => {
    if (placed.has(item.risk.id) || trail.has(item.risk.id)) return;
    trail.add(item.risk.id);
    for (const id of item.after) {
      const pre = sorted.find((i) => i.risk.id === id);
      if (pre && ids.has(id)) place(pre, trail);
    }
    placed.add(item.risk.id);
    out.push(item);
  };
  for (const item of sorted) place(item, new Set());
  return out;
}

/** One plan item per risk the client must act on (accepted risks are left out). */
function planItems(ctx: ModelContext, themes: readonly ThemeView[]): Map<string, PlanItem> {
  const raw = new Map(ctx.bundle.risks.map((r) => [r.id, r]));
  const pre = prerequisites(ctx, ctx.bundle.risks);
  const items = new Map<string, PlanItem>();
  for (const t of themes) {
    for (const view of t.risks) {
      const r = raw.get(view.id);
      if (!r || r.treatment === 'accept') continue;
      const days = personDays(ctx, r.templateId, r.effort);
      const deps = pre.get(r.id) ?? [];
      items.set(r.id, {
        risk: view,
        workstream: t.id,
        owner: r.actionOwner ? view.actionOwner : '',
        days,
        quickWin: days.max <= QUICK_WIN_DAYS,
        phase: phaseOf(ctx, r, days),
        pulledForward: false,
        after: [...new Set(deps.flatMap((d) => d.ids))].filter((id) => id !== r.id),
        reasons: deps.map((d) => d.reason),
      });
    }
  }
  return items;
}

const sumDays = (items: readonly PlanItem[]): PersonDays => ({ min: items.reduce((s, i) => s + i.days.min, 0), max: items.reduce((s, i) => s + i.days.max, 0) });

const mostSerious = (items: readonly PlanItem[], sort: (x: RiskView, y: RiskView) => number): RiskView => items.map((i) => i.risk).sort(sort)[0]!;

/** One phase: its workstreams in order of their most serious item, each item sequenced. */
function phaseView(ctx: ModelContext, phase: PlanPhase, items: readonly PlanItem[], themes: readonly ThemeView[]): ReportModel['plan']['phases'][number] {
  const sort = byCurrentRisk(ctx);
  const mine = items.filter((i) => i.phase === phase);
  const workstreams = themes
    .map((t) => ({ id: t.id, title: t.title, ownerRole: t.ownerRole, items: sequence(mine.filter((i) => i.workstream === t.id), sort) }))
    .filter((w) => w.items.length > 0)
    .sort((a, b) => sort(mostSerious(a.items, sort), mostSerious(b.items, sort)))
    .map((w) => ({ ...w, days: sumDays(w.items) }));
  return { phase, label: PHASE_LABEL[phase], workstreams, days: sumDays(mine), quickWins: mine.filter((i) => i.quickWin).length, count: mine.length };
}

/**
 * The roadmap as a plan: workstreams (the themes), phases 0–30 / 31–90 / beyond 90 days
 * sequenced by current risk, effort in person-days from the pack, prerequisites pulled
 * forward, quick wins flagged, and the owner (the action owner, else the theme's role).
 */
export function roadmapPlan(ctx: ModelContext, themes: readonly ThemeView[]): ReportModel['plan'] {
  const items = planItems(ctx, themes);
  pullPrerequisitesForward(items);
  const all = [...items.values()];
  return {
    phases: (['30', '90', 'later'] as const).map((p) => phaseView(ctx, p, all, themes)),
    basis: ctx.pack.themes?.effort.basis ?? 'Person-day ranges are the assessment team’s planning estimates per effort level (low 1–3, medium 5–10, high 15–30); refine them with the people who will do the work.',
    accepted: themes.flatMap((t) => t.risks).filter((r) => !items.has(r.id)).map((r) => r.id),
    quickWinDays: QUICK_WIN_DAYS,
  };
}
