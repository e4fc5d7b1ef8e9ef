import type { ContentPack } from '../content/types';
import type { ServiceModel } from '../content/vocabulary';
import type { Answers } from '../interview/answers';
import { SCOPE_MODELS_QUESTION, scopeModels } from '../interview/flow';
import type { Risk } from './schema';

type ScopeEvidence = Risk['evidence']['answers'][number];

/**
 * Templates raised by the scope itself (`raisedWhen.inScope`): provider-side threats that
 * exist whatever the customer answers, raised when the scoping answer puts any of the listed
 * service models in scope, with those models and the scoping answer as their evidence. No
 * scoping answer, no such risk: an unknown scope is not guessed.
 */
export function scopeRaisedTemplates(pack: ContentPack, answers: Answers): { templateId: string; models: ServiceModel[]; evidence: ScopeEvidence }[] {
  const scope = scopeModels(answers);
  if (!scope) return [];
  const evidence: ScopeEvidence = { questionId: SCOPE_MODELS_QUESTION, choices: [...(answers[SCOPE_MODELS_QUESTION]?.choices ?? [])], result: null, score: null };
  const out: { templateId: string; models: ServiceModel[]; evidence: ScopeEvidence }[] = [];
  for (const t of pack.riskTemplates.values()) {
    const models = t.raisedWhen?.inScope.filter((m) => scope.includes(m)) ?? [];
    if (models.length > 0) out.push({ templateId: t.id, models, evidence });
  }
  return out;
}
