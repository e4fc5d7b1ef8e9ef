import { readPath, splitPath } from '../../checks/path';
import type { ActNow } from '../../content/schemas';
import type { Risk } from '../../risks/schema';
import type { ActNowItem, RiskView } from '../types';
import { findingKey, MAX_NOTE, type ModelContext } from './context';
import { byCurrentRisk } from './current-risk';

/** Subjects named per act-now item; the rest are counted. */
const SUBJECTS_SHOWN = 4;

type Finding = ModelContext['bundle']['inventory']['findings'][number];

/** Resource Graph rows by id, skipping ids not in the inventory. */
function rowsById(ctx: ModelContext, ids: readonly string[]): Record<string, unknown>[] {
  return ids.flatMap((id) => {
    const row = ctx.resourceById.get(id)?.row;
    return row ? [row] : [];
  });
}

/** The rows a finding's evidence lists by id (e.g. the attack paths of a subscription). */
function evidenceRows(ctx: ModelContext, f: Finding): Record<string, unknown>[] {
  return rowsById(ctx, Object.values(f.evidence).flatMap((v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])));
}

/** "{a.b} on {c}" filled from a row, or undefined when a field is missing. */
export function describeRow(template: string, row: Record<string, unknown>): string | undefined {
  let missing = false;
  const text = template.replace(/\{([^{}]+)\}/g, (_, path: string) => {
    const v = readPath(row, splitPath(path.trim()));
    if (typeof v !== 'string' && typeof v !== 'number') missing = true;
    return String(v ?? '');
  });
  return missing ? undefined : text;
}

/** How the act-now box names a finding's subjects: from the pack's `describe`, else the resource's name. */
function subjectNames(ctx: ModelContext, f: Finding, actNow: ActNow): string[] {
  const describe = (rows: Record<string, unknown>[]): string[] => (actNow.describe ? rows.flatMap((row) => describeRow(actNow.describe!, row) ?? []) : []);
  // the rows the evidence names are the subjects when described (attack paths, not their subscription)
  const fromEvidence = describe(evidenceRows(ctx, f));
  const described = fromEvidence.length > 0 ? fromEvidence : describe(rowsById(ctx, [f.resourceId]));
  return described.length > 0 ? described.map((d) => ctx.cleanFound(f, d)) : [ctx.cleanFoundName(f)];
}

/** The act-now checks failing under a risk, with the findings. */
function liveFindings(ctx: ModelContext, risk: Risk | undefined): { actNow: ActNow; findings: Finding[] }[] {
  const byCheck = new Map<string, { actNow: ActNow; findings: Finding[] }>();
  for (const ef of risk?.evidence.findings ?? []) {
    const actNow = ctx.checkById.get(ef.checkId)?.actNow;
    const f = ctx.findingByKey.get(findingKey(ef.checkId, ef.resourceId));
    if (!actNow || !f || f.status !== 'fail') continue;
    const entry = byCheck.get(ef.checkId) ?? { actNow, findings: [] };
    entry.findings.push(f);
    byCheck.set(ef.checkId, entry);
  }
  return [...byCheck.values()];
}

/** One risk's act-now item, or undefined when none of its failing checks is a live issue. */
function actNowItem(ctx: ModelContext, r: RiskView, source: Risk | undefined): ActNowItem | undefined {
  const live = liveFindings(ctx, source);
  if (live.length === 0) return undefined;
  const subjects = [...new Set(live.flatMap((l) => l.findings.flatMap((f) => subjectNames(ctx, f, l.actNow))))];
  return {
    riskId: r.id,
    bookmark: r.bookmark,
    issue: [...new Set(live.map((l) => ctx.clean(l.actNow.label)))].join('; '),
    title: r.title,
    subjects: subjects.slice(0, SUBJECTS_SHOWN),
    subjectTotal: subjects.length,
    businessServices: r.businessServices,
    firstAction: live.map((l) => ctx.clean(l.actNow.firstAction, MAX_NOTE)).join(' '),
    inherent: r.inherent,
  };
}

/**
 * The live issues to handle this week: every risk with a failing check the pack marks
 * `actNow` (open high-severity alerts, attack paths, management ports open to the Internet,
 * administrators without MFA), whatever its target rating, most serious first by current
 * (inherent) rating.
 */
export function actNow(ctx: ModelContext, risks: readonly RiskView[]): ActNowItem[] {
  const source = new Map(ctx.bundle.risks.map((r) => [r.id, r]));
  return [...risks].sort(byCurrentRisk(ctx)).flatMap((r) => actNowItem(ctx, r, source.get(r.id)) ?? []);
}
