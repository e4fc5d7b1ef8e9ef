import type { PlanItem, ReportModel } from '../model';
import { actNowBox } from './act-now';
import { heading, para, STYLE } from './primitives';
import { brandedTable, templateText, type Block, type Ctx } from './context';

// The remediation roadmap as a plan: phases, workstreams (the themes), effort, owners and
// dependencies. Sections added above the phases (an "act now" box) go at the top of `roadmap`.

type Plan = ReportModel['plan'];
type Phase = Plan['phases'][number];
type Workstream = Phase['workstreams'][number];

const range = (d: { min: number; max: number }): string => (d.min === d.max ? `${d.min}` : `${d.min}–${d.max}`);

/** The roadmap chapter; `lead` (a pointer to the separate IR plan) follows the act-now box, which opens the chapter. */
export function roadmap(ctx: Ctx, lead: Block[] = []): Block[] {
  const plan = ctx.model.plan;
  return [heading(1, 'Remediation roadmap'), ...actNowBox(ctx), ...lead, ...templateText(ctx, 'roadmap'), ...planOverview(ctx, plan), ...plan.phases.flatMap((p) => phaseSection(ctx, p))];
}

/** How the plan was made, and one row per phase: fixes, quick wins, effort. */
export function planOverview(ctx: Ctx, plan: Plan): Block[] {
  const out: Block[] = [
    para(
      `Workstreams are the themes of this report. Within each phase the fixes are sequenced by current (inherent) risk, most serious first, and a fix that others depend on comes before them (and is brought forward when needed). A quick win takes at most ${plan.quickWinDays} person-days. Where no action owner is named yet, the role that usually owns the workstream is suggested.`,
    ),
    brandedTable(ctx, [3, 1.4, 1.6, 2.4], ['Phase', 'Fixes', 'Quick wins', 'Effort (person-days)'], plan.phases.map((p) => [p.label, String(p.count), String(p.quickWins), range(p.days)])),
    para(`Effort: ${plan.basis}`, STYLE.small),
  ];
  if (plan.accepted.length > 0) out.push(para(`Not scheduled because the risk was accepted: ${plan.accepted.join(', ')}.`, STYLE.small));
  return out;
}

/** A phase: one row per workstream with its fixes in order. */
export function phaseSection(ctx: Ctx, p: Phase): Block[] {
  const title = `${p.label}: ${p.count} fix${p.count === 1 ? '' : 'es'}, ${range(p.days)} person-days`;
  if (p.count === 0) return [heading(2, p.label), para('No fix falls in this phase.')];
  return [
    heading(2, title),
    brandedTable(ctx, ctx.model.depth === 'executive' ? [4.5, 5.3, 1.5] : [2.6, 7.2, 1.5], ['Workstream and owner', 'Fixes in order', 'Person-days'], p.workstreams.map((w) => [workstreamCell(w), fixesCell(ctx, w), range(w.days)])),
    ...dependencyNotes(p),
  ];
}

/** The one action owner of every fix of the workstream, '' when they differ or some have none. */
const soleOwner = (w: Workstream): string => (w.items.length > 0 && w.items.every((i) => i.owner && i.owner === w.items[0]!.owner) ? w.items[0]!.owner : '');

/** The workstream's title and owner: the one named for all its fixes once, the suggested role, or "Owner to be named" once. */
export function workstreamCell(w: Workstream): string {
  const sole = soleOwner(w);
  const named = w.items.every((i) => i.owner);
  const owner = sole ? `\nOwner: ${sole}` : named ? '' : w.ownerRole ? `\nOwner: ${w.ownerRole} (suggested role)` : '\nOwner to be named';
  return `${w.title}${owner}`;
}

/** The fixes of a workstream, one per line (the owner on each only when the workstream has several); at executive depth by id only, several to a line. */
function fixesCell(ctx: Ctx, w: Workstream): string {
  const perItem = !soleOwner(w);
  if (ctx.model.depth !== 'executive') return w.items.map((i) => itemLine(i, perItem)).join('\n');
  return w.items.map((i) => `${i.risk.id}${i.quickWin ? ' (quick win)' : ''}`).join(', ');
}

/** "R-003 Data services reachable … — Very high; 1–3 d; quick win; after R-071; owner: …" */
export function itemLine(i: PlanItem, withOwner = true): string {
  const facts = [i.risk.inherent.levelLabel, `${range(i.days)} d`];
  // a risk resting only on "Don't know" is confirmed before it is fixed (docs/preflight.md)
  if (i.risk.toVerify) facts.push('verify first');
  if (i.quickWin) facts.push('quick win');
  if (i.after.length > 0) facts.push(`after ${i.after.join(', ')}`);
  if (i.pulledForward) facts.push('brought forward: a fix here depends on it');
  if (withOwner && i.owner) facts.push(`owner: ${i.owner}`);
  return `${i.risk.id} ${i.risk.title} — ${facts.join('; ')}`;
}

/** Why some fixes wait for others: one line per fix with prerequisites. */
export function dependencyNotes(p: Phase): Block[] {
  const lines = p.workstreams.flatMap((w) => w.items.filter((i) => i.reasons.length > 0).map((i) => `${i.risk.id} after ${i.after.join(', ')}: ${i.reasons.join(' ')}`));
  return lines.length === 0 ? [] : [para('Why some fixes wait for others', STYLE.caption), ...lines.map((l) => para(l, STYLE.small))];
}
