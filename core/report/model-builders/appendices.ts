import type { AssessmentBundle } from '../../bundle/schema';
import { isArgCheck } from '../../content/schemas';
import { scoreAnswer, visibleQuestions } from '../../interview/flow';
import { counted, longDateTime, RESULT_LABEL } from '../labels';
import { DONT_KNOW_RESULT, isDontKnow } from '../recorded-facts';
import type { ReportModel } from '../types';
import { choiceLabels, MAX_NOTE, type ModelContext } from './context';
import { snapshotsNewestFirst, subscriptionLabel, subscriptionName, subscriptionsInScope } from './scope';

/** How each inventory source reads in the evidence table (a Resource Graph file import names its format). */
const SNAPSHOT_SOURCE_LABEL: Partial<Record<AssessmentBundle['inventory']['snapshots'][number]['source'], string>> = {
  'arg-pull': 'Azure Resource Graph pull',
  'graph-pull': 'Microsoft Graph pull (Entra ID and Microsoft 365)',
  'graph-import': 'Microsoft Graph import (Entra ID and Microsoft 365)',
};

/** Every visible question by domain, with the answer, its result and the note. */
export function interviewLog(ctx: ModelContext): ReportModel['interviewLog'] {
  const { answers } = ctx.bundle;
  return visibleQuestions(ctx.pack, answers).map(({ domain, questions }) => ({
    domain: domain.title,
    rows: questions.map((q) => {
      const ans = answers[q.id];
      const { result } = scoreAnswer(q, ans);
      const answered = ans && ans.choices.length > 0;
      return {
        questionId: q.id,
        question: q.text,
        answer: answered ? ctx.clean(choiceLabels(ctx, q.id, ans.choices), MAX_NOTE) : ans?.notApplicable ? 'Marked not applicable' : 'Not answered',
        result: answered && isDontKnow(ctx.pack, ans.choices) ? DONT_KNOW_RESULT : result ? RESULT_LABEL[result] : ans?.notApplicable && ans.choices.length === 0 ? RESULT_LABEL['not-applicable'] : q.kind === 'scope' ? 'Scope' : '',
        note: ctx.clean(ans?.note ?? '', MAX_NOTE),
      };
    }),
  }));
}

/** Technical evidence: the inventory snapshots and the Resource Graph query of every check that ran. */
export function technicalEvidence(ctx: ModelContext): ReportModel['evidence'] {
  const { clean } = ctx;
  const { inventory } = ctx.bundle;
  const ranChecks = new Set(inventory.findings.map((f) => f.checkId));
  for (const s of inventory.snapshots) for (const q of s.queries ?? []) ranChecks.add(q);
  const subscriptions = subscriptionsInScope(ctx);
  return {
    snapshots: snapshotsNewestFirst(ctx).map((s) => ({
      id: clean(s.id),
      takenAt: longDateTime(s.takenAt),
      source: SNAPSHOT_SOURCE_LABEL[s.source] ?? `File import${s.format ? ` (${s.format})` : ''}`,
      file: clean(s.fileName ?? ''),
      rows: s.rowCount,
      subscriptions: s.subscriptions.map((x) => subscriptionName(ctx, x)).join(', '),
    })),
    // Resource Graph queries only: a Graph check reads the snapshot's fixed requests, not a query of its own
    queries: ctx.pack.checks.filter(isArgCheck).filter((c) => ranChecks.has(c.id)).map((c) => ({ checkId: c.id, title: c.title, table: c.table, query: c.query.trimEnd() })),
    scopeNote: subscriptions.length > 0 ? `${counted(subscriptions.length, 'subscription')}: ${subscriptions.map((s) => subscriptionLabel(ctx, s)).join(', ')}` : 'No subscription was in scope.',
  };
}

/** The sources the report relies on: matrices, risk matrix, frameworks, NIST incident guidance, the pack. */
export function references(ctx: ModelContext): ReportModel['references'] {
  const { pack, matrix, otherMatrix } = ctx;
  const rm = pack.riskMatrix;
  return [
    { title: `${matrix.title} (version ${String(matrix.version)})`, source: matrix.source },
    ...(otherMatrix ? [{ title: `${otherMatrix.title} (version ${String(otherMatrix.version)})`, source: otherMatrix.source }] : []),
    { title: `${rm.title} (version ${String(rm.version)})`, source: rm.source },
    ...(['mcsb', 'cis', 'nistCsf'] as const).flatMap((k) => {
      const f = pack.frameworks[k];
      return f ? [{ title: `${f.title} (version ${String(f.version)})`, source: f.source }] : [];
    }),
    { title: 'NIST SP 800-61 Rev. 3, Incident Response Recommendations and Considerations for Cybersecurity Risk Management (April 2025)', source: 'https://doi.org/10.6028/NIST.SP.800-61r3' },
    { title: 'NIST SP 800-61 Rev. 2, Computer Security Incident Handling Guide (August 2012, withdrawn)', source: 'https://doi.org/10.6028/NIST.SP.800-61r2' },
    { title: `${pack.header.title} content pack ${pack.header.version}`, source: `Demarc content pack '${pack.header.id}', published ${pack.header.publicationDate}` },
  ];
}

/** The risk matrix as the methodology and the appendix show it. */
export function riskMatrixView(ctx: ModelContext): ReportModel['riskMatrix'] {
  const rm = ctx.pack.riskMatrix;
  return {
    title: rm.title,
    source: rm.source,
    likelihood: rm.likelihood.map((l) => ({ value: l.value, label: l.label, description: l.description ?? '' })),
    impact: rm.impact.map((l) => ({ value: l.value, label: l.label, description: l.description ?? '' })),
    grid: rm.grid,
  };
}
