import type { InterviewIndex } from './cross-reference';
import type { Check, RiskTemplate } from './schemas';
import type { ContentError } from './types';

/**
 * Step 3 of loading a pack: the register rules (assessments/FORMAT.md, "One risk per
 * weakness"; docs/register-rules.md). Each weakness has one risk template; questions and
 * checks are evidence sources pointing at it.
 */

export interface RegisterRulesInput {
  interview: InterviewIndex;
  riskTemplates: Map<string, RiskTemplate>;
  templatePos: Map<string, { file: string; path: string }>;
  checkMap: Map<string, Check>;
}

/** A question that claims a check raises the check's template, so answer and finding land in one risk. */
function checkClaimsAgree({ interview, checkMap }: RegisterRulesInput, errors: ContentError[]): void {
  for (const [id, q] of interview.questions) {
    const pos = interview.questionPos.get(id)!;
    q.claims?.forEach((checkId, i) => {
      const check = checkMap.get(checkId);
      if (!check || check.risk === q.risk) return;
      errors.push({
        file: pos.file,
        path: `${pos.path}.claims[${i}]`,
        message:
          `question '${id}' claims check '${checkId}', which raises '${check.risk}', but the question raises '${q.risk ?? 'no risk'}': ` +
          'a claimed check and its question must raise the same risk template (point both at one template, or re-scope the question)',
      });
    });
  }
}

/** Template id -> the checks that evidence it: checks raising it and checks claimed by questions raising it. */
export function claimSets(input: Pick<RegisterRulesInput, 'interview' | 'checkMap'>): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  const add = (templateId: string, checkId: string): void => {
    let s = sets.get(templateId);
    if (!s) sets.set(templateId, (s = new Set()));
    s.add(checkId);
  };
  for (const c of input.checkMap.values()) add(c.risk, c.id);
  for (const q of input.interview.questions.values()) if (q.risk) q.claims?.forEach((c) => add(q.risk!, c));
  return sets;
}

/** Every template can be raised: by a question's `risk`, a check's `risk`, or its own `raisedWhen`. */
function checkRaisable({ interview, riskTemplates, templatePos, checkMap }: RegisterRulesInput, errors: ContentError[]): void {
  const raised = new Set<string>();
  for (const q of interview.questions.values()) if (q.risk) raised.add(q.risk);
  for (const c of checkMap.values()) raised.add(c.risk);
  for (const [id, t] of riskTemplates) {
    if (raised.has(id) || t.raisedWhen) continue;
    const pos = templatePos.get(id)!;
    errors.push({
      file: pos.file,
      path: `${pos.path}.id`,
      message: `risk template '${id}' can never be raised: no question or check names it and it has no raisedWhen (retire it in template-migrations.yaml, or add its raiser)`,
    });
  }
}

/** No two templates share area, category and a non-empty claim set: they would be one weakness twice. */
function checkDistinctClaimSets(input: RegisterRulesInput, errors: ContentError[]): void {
  const first = new Map<string, string>();
  for (const [id, checks] of claimSets(input)) {
    const t = input.riskTemplates.get(id);
    if (!t || checks.size === 0) continue;
    const claimSet = [...checks].sort().join(', ');
    const key = `${t.area}|${t.category}|${claimSet}`;
    const other = first.get(key);
    if (!other) {
      first.set(key, id);
      continue;
    }
    const pos = input.templatePos.get(id)!;
    errors.push({
      file: pos.file,
      path: `${pos.path}.id`,
      message: `risk templates '${other}' and '${id}' have the same area (${t.area}), category (${t.category}) and claim set (${claimSet}): they describe one weakness; merge them and record the retired id in template-migrations.yaml`,
    });
  }
}

export function checkRegisterRules(input: RegisterRulesInput, errors: ContentError[]): void {
  checkClaimsAgree(input, errors);
  checkRaisable(input, errors);
  checkDistinctClaimSets(input, errors);
}
