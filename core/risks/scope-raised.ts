import type { ContentPack } from '../content/types';
import type { ServiceModel } from '../content/vocabulary';
import type { Answers } from '../interview/answers';
import { scopeModels } from '../interview/flow';

/**
 * Templates raised by the scope itself (`raisedWhen.inScope`): provider-side threats that
 * exist whatever the customer answers, raised when the scoping answer puts any of the listed
 * service models in scope, with those models. No scoping answer, no such risk: an unknown
 * scope is not guessed.
 */
export function scopeRaisedTemplates(pack: ContentPack, answers: Answers): { templateId: string; models: ServiceModel[] }[] {
  const scope = scopeModels(answers);
  if (!scope) return [];
  const out: { templateId: string; models: ServiceModel[] }[] = [];
  for (const t of pack.riskTemplates.values()) {
    const models = t.raisedWhen?.inScope.filter((m) => scope.includes(m)) ?? [];
    if (models.length > 0) out.push({ templateId: t.id, models });
  }
  return out;
}
