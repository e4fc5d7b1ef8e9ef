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

/**
 * What the client believes against what the inventory shows: one row per answer and check the
 * inventory contradicts (risks sharing one are listed together), most serious risk first.
 */
export function believeVsFound(ctx: ModelContext, risks: readonly RiskView[]): BelieveVsFoundRow[] {
  const rank = new Map([...risks].sort(byCurrentRisk(ctx)).map((r, i) => [r.id, i]));
  const rows = new Map<string, BelieveVsFoundRow & { rank: number; failingIds: Set<string> }>();
  for (const risk of ctx.bundle.risks) {
    for (const d of risk.disagreements) {
      const key = `${d.questionId}|${d.checkId}`;
      const row = rows.get(key) ?? {
        questionId: d.questionId,
        question: ctx.clean(ctx.pack.questions.get(d.questionId)?.text ?? d.questionId, MAX_NOTE),
        said: ctx.clean(choiceLabels(ctx, d.questionId, d.choices), MAX_NOTE),
        found: '',
        failing: 0,
        checkId: d.checkId,
        riskIds: [],
        rank: Number.MAX_SAFE_INTEGER,
        failingIds: new Set<string>(),
      };
      for (const id of d.failingResources) row.failingIds.add(id);
      if (!row.riskIds.includes(risk.id)) row.riskIds.push(risk.id);
      row.rank = Math.min(row.rank, rank.get(risk.id) ?? Number.MAX_SAFE_INTEGER);
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .sort((x, y) => x.rank - y.rank || y.failingIds.size - x.failingIds.size || x.questionId.localeCompare(y.questionId))
    .map(({ rank: _rank, failingIds, ...row }) => ({ ...row, failing: failingIds.size, found: foundText(ctx, row.checkId, [...failingIds]) }));
}
