import type { VisibleWhen } from '../content/schemas';
import type { ContentPack, Domain, Question } from '../content/types';
import type { AnswerResult, ServiceModel } from '../content/vocabulary';
import type { Answer, Answers } from './answers';

/** The scoping question whose answer lists the service models in scope. */
export const SCOPE_MODELS_QUESTION = 'SCOPE-MODELS';

/** True when the condition holds for the answers given (an unanswered question satisfies nothing). */
export function conditionHolds(condition: VisibleWhen | undefined, answers: Answers): boolean {
  if (!condition) return true;
  if ('question' in condition) {
    const chosen = answers[condition.question]?.choices ?? [];
    return condition.anyOf.some((c) => chosen.includes(c));
  }
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers));
  return condition.any.some((c) => conditionHolds(c, answers));
}

/** Service models in scope from the scoping answer; undefined until it is answered. */
export function scopeModels(answers: Answers): ServiceModel[] | undefined {
  const chosen = answers[SCOPE_MODELS_QUESTION]?.choices;
  if (!chosen) return undefined;
  return (['iaas', 'paas', 'saas'] as const).filter((m) => chosen.includes(m));
}

/**
 * Visible questions of a domain. A question is hidden when its domain or its own
 * `visibleWhen` is false, or when it names `serviceModels` none of which is in scope. A
 * question whose condition depends on a hidden question is hidden too (its answer is ignored).
 */
export function visibleQuestions(pack: ContentPack, answers: Answers): { domain: Domain; questions: Question[] }[] {
  const effective: Answers = {};
  const models = scopeModels(answers);
  const out: { domain: Domain; questions: Question[] }[] = [];
  for (const domain of pack.domains) {
    if (!conditionHolds(domain.visibleWhen, effective)) continue;
    const questions: Question[] = [];
    for (const q of domain.questions) {
      if (!conditionHolds(q.visibleWhen, effective)) continue;
      if (q.serviceModels && models && !q.serviceModels.some((m) => models.includes(m))) continue;
      questions.push(q);
      const a = answers[q.id];
      if (a) effective[q.id] = a;
    }
    if (questions.length > 0) out.push({ domain, questions });
  }
  return out;
}

/** Score (0-100, null when not applicable or unanswered) and result of one answer. */
export function scoreAnswer(question: Question, answer: Answer | undefined): { score: number | null; result: AnswerResult | null } {
  if (!answer || answer.choices.length === 0 || question.kind === 'scope') return { score: null, result: null };
  const chosen = question.choices.filter((c) => answer.choices.includes(c.id));
  if (chosen.length === 0) return { score: null, result: null };
  if (chosen.some((c) => c.result === 'not-applicable')) return { score: null, result: 'not-applicable' };
  if (question.type === 'single') {
    const c = chosen[0]!;
    return { score: c.score ?? 0, result: c.result ?? null };
  }
  const score = Math.min(100, chosen.reduce((s, c) => s + (c.score ?? 0), 0));
  return { score, result: score >= 100 ? 'compliant' : score > 0 ? 'partial' : 'non-compliant' };
}

/** Problems with an answer set: unknown questions or choices, several choices on a single question, not-applicable mixed with others. */
export function validateAnswers(pack: ContentPack, answers: Answers): { questionId: string; message: string }[] {
  const problems: { questionId: string; message: string }[] = [];
  for (const [id, a] of Object.entries(answers)) {
    const q = pack.questions.get(id);
    if (!q) {
      problems.push({ questionId: id, message: `unknown question '${id}'` });
      continue;
    }
    for (const c of a.choices) if (!q.choices.some((x) => x.id === c)) problems.push({ questionId: id, message: `question '${id}' has no choice '${c}'` });
    if (q.type === 'single' && a.choices.length > 1) problems.push({ questionId: id, message: `question '${id}' takes one choice, got ${a.choices.length}` });
    const na = q.choices.filter((c) => c.result === 'not-applicable' && a.choices.includes(c.id));
    if (na.length > 0 && a.choices.length > 1) problems.push({ questionId: id, message: `choice '${na[0]!.id}' of '${id}' must be selected alone` });
  }
  return problems;
}

/** Progress of one domain. */
export interface DomainProgress {
  domainId: string;
  title: string;
  /** visible questions (scope questions included) */
  total: number;
  answered: number;
  /** mean score of answered, applicable, visible scored questions; null if none */
  score: number | null;
}

/** Progress and a 0-100 score per visible domain, plus overall counts. */
export function interviewProgress(pack: ContentPack, answers: Answers): { total: number; answered: number; domains: DomainProgress[] } {
  const domains: DomainProgress[] = [];
  let total = 0;
  let answered = 0;
  for (const { domain, questions } of visibleQuestions(pack, answers)) {
    let n = 0;
    const scores: number[] = [];
    for (const q of questions) {
      const a = answers[q.id];
      if (a && a.choices.length > 0) n++;
      const { score } = scoreAnswer(q, a);
      if (score !== null) scores.push(score);
    }
    total += questions.length;
    answered += n;
    domains.push({
      domainId: domain.id,
      title: domain.title,
      total: questions.length,
      answered: n,
      score: scores.length > 0 ? Math.round(scores.reduce((s, x) => s + x, 0) / scores.length) : null,
    });
  }
  return { total, answered, domains };
}
