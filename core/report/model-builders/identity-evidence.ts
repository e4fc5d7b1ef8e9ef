import { isGraphCheck } from '../../content/schemas';
import type { IdentityBasis, IdentityEvidence } from '../types';
import { counted } from '../labels';
import { choiceLabels, MAX_NOTE, type ModelContext } from './context';

type Finding = ModelContext['bundle']['inventory']['findings'][number];
type Row = IdentityEvidence['rows'][number];

const GRAPH_TYPE = 'microsoft.graph/';
const TENANT_TYPE = 'microsoft.graph/organization';
const USER_TYPE = 'microsoft.graph/users';
const BASIS_LABEL: Record<IdentityBasis, string> = { graph: 'Verified by Graph', 'not-assessed': 'Not assessed by Graph', interview: 'Reported in interview' };

/** Whether the bundle holds a Microsoft Graph snapshot (or Graph findings). */
export function graphCollected(ctx: ModelContext): boolean {
  const { inventory } = ctx.bundle;
  return inventory.snapshots.some((s) => s.source.startsWith('graph-')) || inventory.findings.some((f) => f.resourceType.startsWith(GRAPH_TYPE));
}

/** "Global Administrator: 2 of 6; Security Administrator: 0 of 1" for findings that carry the holder's roles. */
export function byRole(findings: readonly Finding[]): string {
  const counts = new Map<string, { fail: number; total: number }>();
  for (const f of findings) {
    const roles = f.evidence.roles;
    if (!Array.isArray(roles)) continue;
    for (const role of new Set(roles.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/\s*\(eligible\)$/, '')))) {
      const c = counts.get(role) ?? { fail: 0, total: 0 };
      c.total++;
      if (f.status === 'fail') c.fail++;
      counts.set(role, c);
    }
  }
  return [...counts].map(([role, c]) => `${role}: ${c.fail} of ${c.total}`).join('; ');
}

/** What Graph shows for one check: counts over the objects it judged, or the tenant's result. */
export function graphResult(ctx: ModelContext, findings: readonly Finding[]): string {
  const judged = findings.filter((f) => f.status !== 'not-applicable');
  const failing = judged.filter((f) => f.status === 'fail').length;
  if (judged.length === 0) return `Not applicable to the ${counted(findings.length, 'object')} read.`;
  if (judged.every((f) => f.resourceType === TENANT_TYPE)) return failing > 0 ? 'Fails for the tenant.' : 'Passes for the tenant.';
  const roles = byRole(judged);
  const noun = judged.every((f) => f.resourceType === USER_TYPE) ? 'accounts' : 'objects';
  return ctx.clean(`${failing} of ${judged.length} ${noun} checked fail${roles ? ` (by role: ${roles})` : ''}.`, MAX_NOTE);
}

/** What the interview said on the check's topic: the claiming questions' answers, or that none was given. */
function interviewSaid(ctx: ModelContext, checkId: string): string {
  const parts: string[] = [];
  for (const q of ctx.pack.questions.values()) {
    if (!q.claims?.includes(checkId)) continue;
    const ans = ctx.bundle.answers[q.id];
    parts.push(`${q.id}: ${ans && ans.choices.length > 0 ? `“${choiceLabels(ctx, q.id, ans.choices)}”` : 'not answered'}`);
  }
  return parts.length > 0 ? ctx.clean(parts.join('; '), MAX_NOTE) : 'No interview question on this.';
}

/** What a kind of Graph refusal means for the client, in words (the HTTP status and code stay in the export). */
const GAP_MEANING: Record<string, string> = {
  licence: 'the tenant does not have the licence Microsoft requires for it',
  permission: 'the permission to read it was not granted for the assessment',
};

/**
 * Why Graph could not assess a check, from the snapshots' gaps: the collection that could not
 * be read and why, in words, with Microsoft's own message ("… could not be read: the tenant
 * does not have the licence …"), rather than the raw "HTTP 400 AadPremiumLicenseRequired" line.
 */
function notAssessedReason(ctx: ModelContext, checkId: string): string | undefined {
  for (const s of ctx.bundle.inventory.snapshots) {
    const gap = s.notAssessed?.find((n) => n.checkId === checkId);
    if (!gap) continue;
    const refused = s.gaps?.find((g) => gap.reason.startsWith(`${g.collection} `));
    const meaning = refused ? GAP_MEANING[refused.kind] : undefined;
    if (refused && meaning) return ctx.clean(`${refused.collection} could not be read: ${meaning} (Microsoft Graph: “${refused.message.replace(/\.$/, '')}”).`, MAX_NOTE);
    return ctx.clean(gap.reason || 'no reason recorded', MAX_NOTE);
  }
  return undefined;
}

/** One Graph check's row: verified by Graph, not assessed (with Graph's reason), or reported in interview. */
function identityRow(ctx: ModelContext, checkId: string, title: string, findings: readonly Finding[], collected: boolean): Row {
  const reason = notAssessedReason(ctx, checkId);
  const basis: IdentityBasis = findings.length > 0 ? 'graph' : reason !== undefined ? 'not-assessed' : 'interview';
  const graph = basis === 'graph' ? graphResult(ctx, findings) : basis === 'not-assessed' ? `Not assessed: ${reason}` : collected ? 'No Graph result for this check.' : 'Graph evidence not collected.';
  return { checkId, title: ctx.clean(title), basis, basisLabel: BASIS_LABEL[basis], graph, interview: interviewSaid(ctx, checkId) };
}

function statement(collected: boolean, rows: readonly Row[]): string {
  if (!collected)
    return `Microsoft Graph evidence was not collected for this assessment, so none of the ${rows.length} identity and Microsoft 365 conclusions below is verified: each rests on what was reported in interview, taken in good faith. A read-only Graph pull (or the client's saved Graph responses) would verify them.`;
  const n = (b: IdentityBasis): number => rows.filter((r) => r.basis === b).length;
  const gaps = n('not-assessed');
  const interview = n('interview');
  return [
    `Of ${rows.length} identity and Microsoft 365 conclusions, ${n('graph')} are verified by Microsoft Graph evidence`,
    gaps > 0 ? `, ${gaps} could not be assessed by Graph (licence or permission; the interview answer stands)` : '',
    interview > 0 ? `, ${interview} rest on the interview alone` : '',
    '.',
  ].join('');
}

/** The identity and Microsoft 365 conclusions: which are verified by Graph evidence, which are reported in interview, with counts. */
export function identityEvidence(ctx: ModelContext): IdentityEvidence {
  const collected = graphCollected(ctx);
  const byCheck = new Map<string, Finding[]>();
  for (const f of ctx.bundle.inventory.findings) {
    if (!f.resourceType.startsWith(GRAPH_TYPE)) continue;
    byCheck.set(f.checkId, [...(byCheck.get(f.checkId) ?? []), f]);
  }
  const rows = ctx.pack.checks.filter(isGraphCheck).map((c) => identityRow(ctx, c.id, c.title, byCheck.get(c.id) ?? [], collected));
  return { graphCollected: collected, statement: statement(collected, rows), rows };
}
