import type { Risk } from '../../risks/schema';
import type { BelieveVsFoundRow, RiskView } from '../types';
import { choiceLabels, findingKey, MAX_NOTE, type ModelContext } from './context';
import { byCurrentRisk } from './current-risk';

/** Resources named per row; the rest are counted (all are in the risk's evidence and the XLSX). */
const NAMED = 6;

/** A resource as the report names it: the finding's subject (masked when personal), else the inventory name. */
function resourceName(ctx: ModelContext, checkId: string, resourceId: string): string {
  const f = ctx.findingByKey.get(findingKey(checkId, resourceId));
  return f ? ctx.cleanFoundName(f) : ctx.clean(ctx.resourceById.get(resourceId)?.name || resourceId);
}

/** "9 resources fail ST-04 (Storage account allows shared key access): a, b, … and 3 more." */
export function foundText(ctx: ModelContext, checkId: string, failing: readonly string[]): string {
  const title = ctx.clean(ctx.checkById.get(checkId)?.title ?? checkId);
  const names = failing.slice(0, NAMED).map((id) => resourceName(ctx, checkId, id));
  const more = failing.length > NAMED ? ` and ${failing.length - NAMED} more` : '';
  const noun = failing.length === 1 ? 'resource fails' : 'resources fail';
  return `${failing.length} ${noun} ${checkId} (${title}): ${names.join(', ')}${more}.`;
}

type Draft = Omit<BelieveVsFoundRow, 'found' | 'failing'> & { rank: number; failing: Map<string, Set<string>> };

/** Adds one disagreement of a risk to the draft row of its question. */
function addDisagreement(ctx: ModelContext, rows: Map<string, Draft>, riskId: string, rank: number, d: Risk['disagreements'][number]): void {
  const row = rows.get(d.questionId) ?? {
    questionId: d.questionId,
    question: ctx.clean(ctx.pack.questions.get(d.questionId)?.text ?? d.questionId, MAX_NOTE),
    said: ctx.clean(choiceLabels(ctx, d.questionId, d.choices), MAX_NOTE),
    checkIds: [],
    riskIds: [],
    rank,
    failing: new Map<string, Set<string>>(),
  };
  const failing = row.failing.get(d.checkId) ?? new Set<string>();
  for (const id of d.failingResources) failing.add(id);
  row.failing.set(d.checkId, failing);
  if (!row.checkIds.includes(d.checkId)) row.checkIds.push(d.checkId);
  if (!row.riskIds.includes(riskId)) row.riskIds.push(riskId);
  row.rank = Math.min(row.rank, rank);
  rows.set(d.questionId, row);
}

/** The row as shown: one sentence per contradicting check, the resources counted and named. */
function finish(ctx: ModelContext, { rank: _rank, failing, ...row }: Draft): BelieveVsFoundRow {
  const counted = [...failing].map(([checkId, ids]) => ({ checkId, ids: [...ids] }));
  return { ...row, failing: counted.reduce((n, c) => n + c.ids.length, 0), found: counted.map((c) => foundText(ctx, c.checkId, c.ids)).join('\n') };
}

/**
 * What the client believes against what the inventory shows: one row per answer the inventory
 * contradicts (every check and risk behind it together), most serious risk first.
 */
export function believeVsFound(ctx: ModelContext, risks: readonly RiskView[]): BelieveVsFoundRow[] {
  const rank = new Map([...risks].sort(byCurrentRisk(ctx)).map((r, i) => [r.id, i]));
  const rows = new Map<string, Draft>();
  for (const risk of ctx.bundle.risks) for (const d of risk.disagreements) addDisagreement(ctx, rows, risk.id, rank.get(risk.id) ?? Number.MAX_SAFE_INTEGER, d);
  return [...rows.values()].sort((x, y) => x.rank - y.rank || x.questionId.localeCompare(y.questionId)).map((row) => finish(ctx, row));
}
