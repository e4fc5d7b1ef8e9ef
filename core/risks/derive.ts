import type { ContentPack, Question } from '../content/types';
import type { ServiceModel } from '../content/vocabulary';
import type { Finding } from '../checks/run-checks';
import type { Answers } from '../interview/answers';
import { scopeModels, scoreAnswer, visibleQuestions } from '../interview/flow';
import type { Risk } from './schema';
import { raisedRiskFields } from './raised';
import { scopeRaisedTemplates } from './scope-raised';
import { levelOrder } from './scoring';

const allModels: ServiceModel[] = ['iaas', 'paas', 'saas'];

export { VERIFY_TEXT } from './raised';

/** Inputs of {@link deriveRisks}. */
export interface DeriveRisksInput {
  pack: ContentPack;
  answers: Answers;
  findings: readonly Finding[];
  /** responsibility matrix id; default: the pack's default */
  matrixId?: string;
  /** risks derived earlier for this assessment: their ids are kept for the same templates */
  previous?: readonly Pick<Risk, 'id' | 'templateId'>[];
}

interface Draft {
  templateId: string;
  models: Set<ServiceModel>;
  answers: Risk['evidence']['answers'];
  findings: Risk['evidence']['findings'];
  resources: Set<string>;
  subscriptions: Set<string>;
  disagreements: Risk['disagreements'];
}

function questionModels(q: Question, answers: Answers): ServiceModel[] {
  const scope = scopeModels(answers);
  const own = q.serviceModels ?? scope ?? allModels;
  const inScope = scope ? own.filter((m) => scope.includes(m)) : own;
  return inScope.length > 0 ? inScope : own;
}

/**
 * Answers + findings -> one risk per risk template raised, assessment-wide. Each risk links
 * every answer and failing finding behind it; its owner comes from the matrix (template area
 * x the service models involved; different owners => shared); its inherent level from the
 * grid; and a compliant answer contradicted by failing evidence is recorded as a
 * disagreement. Ids `R-001...` are stable: previous ids are kept, new risks are numbered
 * after them in order of level, then likelihood x impact, then template id.
 */
export function deriveRisks(input: DeriveRisksInput): Risk[] {
  const { pack, answers, findings } = input;
  const matrix = pack.matrices.get(input.matrixId ?? pack.header.defaultMatrix);
  if (!matrix) throw new Error(`unknown responsibility matrix '${input.matrixId ?? pack.header.defaultMatrix}'`);
  const drafts = new Map<string, Draft>();
  const draft = (templateId: string): Draft => {
    let d = drafts.get(templateId);
    if (!d)
      drafts.set(
        templateId,
        (d = { templateId, models: new Set(), answers: [], findings: [], resources: new Set(), subscriptions: new Set(), disagreements: [] }),
      );
    return d;
  };

  // failing findings, grouped by check
  const failingByCheck = new Map<string, Finding[]>();
  const checkById = new Map(pack.checks.map((c) => [c.id, c]));
  for (const f of findings) {
    if (f.status !== 'fail') continue;
    const check = checkById.get(f.checkId);
    if (!check) continue;
    let list = failingByCheck.get(f.checkId);
    if (!list) failingByCheck.set(f.checkId, (list = []));
    list.push(f);
    const d = draft(check.risk);
    if (f.serviceModel !== 'unknown') d.models.add(f.serviceModel);
    d.findings.push({ checkId: f.checkId, resourceId: f.resourceId, subscriptionId: f.subscriptionId, serviceModel: f.serviceModel });
    d.resources.add(f.resourceId);
    if (f.subscriptionId) d.subscriptions.add(f.subscriptionId);
  }

  // answers of visible questions
  for (const { questions } of visibleQuestions(pack, answers)) {
    for (const q of questions) {
      const a = answers[q.id];
      if (!a) continue;
      const { score, result } = scoreAnswer(q, a);
      if (q.risk && (result === 'partial' || result === 'non-compliant')) {
        const d = draft(q.risk);
        for (const m of questionModels(q, answers)) d.models.add(m);
        d.answers.push({ questionId: q.id, choices: [...a.choices], result, score });
      }
      if (result === 'compliant' && q.claims) {
        for (const checkId of q.claims) {
          const failing = failingByCheck.get(checkId);
          const check = checkById.get(checkId);
          if (!failing || failing.length === 0 || !check) continue;
          const labels = q.choices.filter((c) => a.choices.includes(c.id)).map((c) => c.label);
          const d = draft(check.risk);
          d.answers.push({ questionId: q.id, choices: [...a.choices], result, score });
          d.disagreements.push({
            questionId: q.id,
            choices: [...a.choices],
            checkId,
            failingResources: failing.map((f) => f.resourceId),
            message: `The answer to ${q.id} ("${labels.join('; ')}") says this is in place, but the inventory shows ${failing.length} resource(s) failing ${checkId} (${check.title}).`,
          });
        }
      }
    }
  }

  // templates the scope itself raises (provider-side threats, assessments/FORMAT.md)
  for (const { templateId, models, evidence } of scopeRaisedTemplates(pack, answers)) {
    const d = draft(templateId);
    for (const m of models) d.models.add(m);
    d.answers.push({ ...evidence, choices: [...evidence.choices] });
  }

  const build = (d: Draft): Omit<Risk, 'id'> => {
    const t = pack.riskTemplates.get(d.templateId);
    if (!t) throw new Error(`missing risk template '${d.templateId}'`);
    const models = allModels.filter((m) => d.models.has(m));
    const { verification, ...raised } = raisedRiskFields({ matrix, riskMatrix: pack.riskMatrix, area: t.area, models, likelihood: t.likelihood, impact: t.impact });
    const risk: Omit<Risk, 'id'> = {
      templateId: t.id,
      title: t.title,
      category: t.category,
      threat: t.threat,
      area: t.area,
      ...raised,
      recommendation: { ...t.recommendation },
      effort: t.effort,
      userImpact: t.userImpact,
      mappings: t.mappings ?? {},
      irPlaybooks: [...(t.irPlaybooks ?? [])],
      evidence: {
        answers: d.answers,
        findings: d.findings,
        affectedResources: [...d.resources].sort(),
        subscriptions: [...d.subscriptions].sort(),
      },
      disagreements: d.disagreements,
      history: [],
    };
    if (verification) risk.verification = verification;
    return risk;
  };

  const built = [...drafts.values()].map(build);
  const previous = new Map((input.previous ?? []).map((r) => [r.templateId, r.id]));
  let next = Math.max(0, ...[...previous.values()].map((id) => Number(id.slice(2))));
  const rank = (r: Omit<Risk, 'id'>): [number, number, string] => [levelOrder(pack.riskMatrix, r.inherentLevel), r.likelihood * r.impact, r.templateId];
  const fresh = built
    .filter((r) => !previous.has(r.templateId))
    .sort((a, b) => {
      const [la, sa, ta] = rank(a);
      const [lb, sb, tb] = rank(b);
      return lb - la || sb - sa || (ta < tb ? -1 : ta > tb ? 1 : 0);
    });
  const ids = new Map<string, string>();
  for (const r of built) if (previous.has(r.templateId)) ids.set(r.templateId, previous.get(r.templateId)!);
  for (const r of fresh) ids.set(r.templateId, `R-${String(++next).padStart(3, '0')}`);
  return built.map((r) => ({ id: ids.get(r.templateId)!, ...r })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
