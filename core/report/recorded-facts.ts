import type { AssessmentBundle } from '../bundle/schema';
import type { ContentPack, Question } from '../content/types';
import type { Risk } from '../risks/schema';
import { planIdOfSetupChoice } from './model-builders/support-plans';

/**
 * Facts the consultant recorded outside the interview (the incident response setup and its
 * contact sheet) that bear on interview answers. The pre-flight check compares them with the
 * answers; the report states them next to a risk whose answer they contradict, so the document
 * never says "unknown" about something it records elsewhere (docs/preflight.md).
 */

/** The interview question on Microsoft support (severity A around the clock). */
export const SUPPORT_QUESTION = 'IRP-05';
/** The interview question on a contracted security partner (24x7 monitoring, IR retainer). */
export const PARTNER_QUESTION = 'TPR-01';

/** IRP-05 choices that say the plan allows severity A, and the one that says it does not. */
const SUPPORT_SAYS_YES = new Set(['yes', 'plan-only']);
const SUPPORT_SAYS_NO = 'no';
/** TPR-01 choices that say there is no contracted partner. */
export const PARTNER_SAYS_NONE = 'none';
export const PARTNER_SAYS_INFORMAL = 'informal';

/** The support plan the IR setup records, with what the pack's cited data says it offers. */
export interface RecordedSupportPlan {
  plan: string;
  /** true / false from the pack's support-plan data; undefined when the pack does not cover the plan */
  roundTheClockSevA: boolean | undefined;
  /** the pack's citation for the plan data ('' without it) */
  source: string;
}

/** The support plan chosen in the IR setup; undefined when none or 'Not known'. */
export function recordedSupportPlan(bundle: AssessmentBundle, pack: ContentPack): RecordedSupportPlan | undefined {
  const plan = bundle.incidentResponse?.supportPlan;
  if (!plan || plan === 'Not known') return undefined;
  const data = pack.commitments?.supportPlans;
  const id = planIdOfSetupChoice(plan);
  const row = id === undefined ? undefined : data?.plans.find((p) => p.id === id);
  const source = data?.sources[0] ? `${data.sources[0].title}, ${data.sources[0].publisher} (${data.sources[0].date})` : '';
  return { plan, roundTheClockSevA: row?.roundTheClockSevA, source };
}

/** Words that name a contracted security partner in free text. */
const PARTNER_WORDS = /\b(MSSP|MDR|managed security|managed detection|SOC provider|incident response retainer|IR retainer|retainer)\b/i;

/** Where a security partner is recorded outside the interview, and the words that say so. */
export interface RecordedPartner {
  /** the screen and field, e.g. 'Incident response > Escalation notes' */
  where: string;
  /** the line that names it (trimmed to 200 characters) */
  excerpt: string;
}

const excerptOf = (text: string, match: RegExpExecArray): string => {
  const start = text.lastIndexOf('\n', match.index) + 1;
  const end = text.indexOf('\n', match.index);
  const line = text.slice(start, end === -1 ? undefined : end).trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

/** The first place the IR setup or the contact sheet names an MSSP, MDR or IR retainer. */
export function recordedPartner(bundle: AssessmentBundle): RecordedPartner | undefined {
  const places: [string, string][] = [
    ['Incident response > Escalation notes', bundle.incidentResponse?.escalationNotes ?? ''],
    ['Incident response > Out-of-band channel', bundle.incidentResponse?.outOfBandChannel ?? ''],
    ...bundle.contacts.map((c): [string, string] => [
      `Incident response > Contacts (${c.name || 'unnamed contact'})`,
      [c.role, c.organisation ?? '', ...(c.responsibilities ?? [])].join('\n'),
    ]),
  ];
  for (const [where, text] of places) {
    const m = PARTNER_WORDS.exec(text);
    if (m) return { where, excerpt: excerptOf(text, m) };
  }
  return undefined;
}

/** The choices of an answer ([] when unanswered). */
export const answerChoices = (bundle: AssessmentBundle, questionId: string): readonly string[] => bundle.answers[questionId]?.choices ?? [];

/** The pack's "Don't know" choice ids (rating factors), `unknown` when the pack names none. */
export function unknownChoices(pack: ContentPack): ReadonlySet<string> {
  const listed = pack.ratingFactors?.likelihood.answers.unknownChoices;
  return new Set(listed && listed.length > 0 ? listed : ['unknown']);
}

/**
 * True when a risk rests only on "Don't know": no failing finding, no contradiction, not added
 * by hand, and every interview answer behind it is a "Don't know". Such a risk is not an
 * established weakness; the report presents it as to verify.
 */
export function restsOnDontKnow(risk: Pick<Risk, 'templateId' | 'evidence' | 'disagreements'>, unknown: ReadonlySet<string>): boolean {
  if (risk.templateId.startsWith('MANUAL-')) return false;
  if (risk.evidence.findings.length > 0 || risk.disagreements.length > 0 || risk.evidence.answers.length === 0) return false;
  return risk.evidence.answers.every((a) => a.choices.some((c) => unknown.has(c)));
}

/** How the report labels an answer that is a "Don't know" (scored non-compliant, but not established). */
export const DONT_KNOW_RESULT = 'To verify';

/** True when the chosen choices include a "Don't know". */
export const isDontKnow = (pack: ContentPack, choices: readonly string[]): boolean => {
  const unknown = unknownChoices(pack);
  return choices.some((c) => unknown.has(c));
};

/** The "Good looks like …" sentence of a question's context, '' when it has none. */
function goodLooksLike(q: Question | undefined): string {
  const m = /Good looks like[^.]*\./.exec(q?.context ?? '');
  return m ? m[0] : '';
}

/** How to verify a "Don't know": ask the question again, with what good looks like. */
export function verificationStep(pack: ContentPack, questionIds: readonly string[]): string {
  return questionIds
    .map((id) => {
      const q = pack.questions.get(id);
      const good = goodLooksLike(q);
      return `Ask again (${id}): “${q?.text ?? id}”${good ? ` ${good}` : ''}`;
    })
    .join(' ');
}

/** A fact recorded outside the interview, and what it leaves to verify. */
export interface RecordedFact {
  fact: string;
  remaining: string;
}

/**
 * The recorded facts the report states next to a risk whose answers they contradict: the IR
 * setup's support plan beside IRP-05, a named partner beside TPR-01. [] when none applies.
 */
export function recordedFactsFor(bundle: AssessmentBundle, pack: ContentPack, risk: Pick<Risk, 'evidence'>): RecordedFact[] {
  const out: RecordedFact[] = [];
  const asked = new Set(risk.evidence.answers.map((a) => a.questionId));
  if (asked.has(SUPPORT_QUESTION)) {
    const s = recordedSupportPlan(bundle, pack);
    if (s) {
      const offers = s.roundTheClockSevA === true ? ', a plan that offers severity A cases around the clock' : s.roundTheClockSevA === false ? ', a plan without severity A cases around the clock' : '';
      out.push({
        fact: `The incident response setup records the Microsoft support plan as ${s.plan}${offers}${s.source ? ` (${s.source})` : ''}; this record takes precedence over the interview answer.`,
        remaining: 'Confirm that responders know how to open a severity A case and who is authorised to.',
      });
    }
  }
  if (asked.has(PARTNER_QUESTION)) {
    const p = recordedPartner(bundle);
    if (p)
      out.push({
        fact: `${p.where} names a security partner: “${p.excerpt}”; this record takes precedence over the interview answer.`,
        remaining: 'Confirm that the contract covers 24x7 monitoring and incident response with agreed response times and pre-approved access.',
      });
  }
  return out;
}

/** How the IRP-05 answer compares with the recorded plan: 'conflict', 'unknown' (a "Don't know"), or undefined. */
export function supportPlanConflict(bundle: AssessmentBundle, pack: ContentPack): { kind: 'conflict' | 'unknown'; plan: RecordedSupportPlan; answer: string } | undefined {
  const plan = recordedSupportPlan(bundle, pack);
  const choices = answerChoices(bundle, SUPPORT_QUESTION);
  if (!plan || choices.length === 0) return undefined;
  const answer = choiceLabel(pack, SUPPORT_QUESTION, choices);
  if (choices.some((c) => unknownChoices(pack).has(c))) return { kind: 'unknown', plan, answer };
  if (plan.roundTheClockSevA === true && choices.includes(SUPPORT_SAYS_NO)) return { kind: 'conflict', plan, answer };
  if (plan.roundTheClockSevA === false && choices.some((c) => SUPPORT_SAYS_YES.has(c))) return { kind: 'conflict', plan, answer };
  return undefined;
}

/** How the TPR-01 answer compares with a partner named in the IR setup. */
export function partnerConflict(bundle: AssessmentBundle, pack: ContentPack): { kind: 'conflict' | 'informal' | 'unknown'; partner: RecordedPartner; answer: string } | undefined {
  const partner = recordedPartner(bundle);
  const choices = answerChoices(bundle, PARTNER_QUESTION);
  if (!partner || choices.length === 0) return undefined;
  const answer = choiceLabel(pack, PARTNER_QUESTION, choices);
  if (choices.includes(PARTNER_SAYS_NONE)) return { kind: 'conflict', partner, answer };
  if (choices.includes(PARTNER_SAYS_INFORMAL)) return { kind: 'informal', partner, answer };
  if (choices.some((c) => unknownChoices(pack).has(c))) return { kind: 'unknown', partner, answer };
  return undefined;
}

/** The labels of chosen answers, joined. */
export function choiceLabel(pack: ContentPack, questionId: string, choices: readonly string[]): string {
  const q = pack.questions.get(questionId);
  return choices.map((c) => q?.choices.find((x) => x.id === c)?.label ?? c).join('; ');
}
