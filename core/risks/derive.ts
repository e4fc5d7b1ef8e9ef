import type { RatingFactors } from '../content/rating-factors';
import type { Check, ContentPack, Question } from '../content/types';
import type { ServiceModel } from '../content/vocabulary';
import type { Finding } from '../checks/run-checks';
import type { Answer, Answers } from '../interview/answers';
import { scopeModels, scoreAnswer, visibleQuestions } from '../interview/flow';
import type { EnvironmentEvidence } from './environment';
import type { EvidenceStatus, Risk } from './schema';
import { AVAILABILITY_GAP_TEMPLATE, availabilityGapNote, type AvailabilityGap } from './availability-gaps';
import { raisedRiskFields } from './raised';
import { scopeRaisedTemplates } from './scope-raised';
import { providerOwnerResolver } from './provider-owner';
import { rateRisk, type RatingInput } from './rating';
import { levelOrder } from './scoring';
import { counted } from '../text/counted';

const allModels: ServiceModel[] = ['iaas', 'paas', 'saas'];

export { VERIFY_TEXT } from './raised';

/** Inputs of {@link deriveRisks}. */
export interface DeriveRisksInput {
  pack: ContentPack;
  answers: Answers;
  /** findings of the inventory; passing ones tell when the evidence contradicts a weak answer */
  findings: readonly Finding[];
  /** responsibility matrix id; default: the pack's default */
  matrixId?: string;
  /** risks derived earlier for this assessment: their ids are kept for the same templates */
  previous?: readonly Pick<Risk, 'id' | 'templateId'>[];
  /** resource id -> production / non-production (`environmentsOf`); missing: unknown */
  environments?: ReadonlyMap<string, EnvironmentEvidence>;
  /** workloads whose provider commitment falls short of the client's tolerance (`availabilityGaps`) */
  availabilityGaps?: readonly AvailabilityGap[];
}

interface Draft {
  templateId: string;
  models: Set<ServiceModel>;
  answers: Risk['evidence']['answers'];
  /** what the rating reads of the weak answers */
  answerFacts: RatingInput['answers'][number][];
  findings: Risk['evidence']['findings'];
  resources: Set<string>;
  subscriptions: Set<string>;
  disagreements: Risk['disagreements'];
  notes: string[];
  /** evidence computed from the inventory without a check (a workload's composite SLA) */
  computed: boolean;
}

/** The failing findings by check, how many resources pass each check, and the exposure they show. */
interface Evidence {
  failingByCheck: Map<string, Finding[]>;
  passingByCheck: Map<string, number>;
  /** resource id -> exposure kind -> templates of the checks that show it */
  exposure: Map<string, Map<string, Set<string>>>;
}

type DraftOf = (templateId: string) => Draft;

function questionModels(q: Question, answers: Answers): ServiceModel[] {
  const scope = scopeModels(answers);
  const own = q.serviceModels ?? scope ?? allModels;
  const inScope = scope ? own.filter((m) => scope.includes(m)) : own;
  return inScope.length > 0 ? inScope : own;
}

function exposureKinds(factors: RatingFactors | undefined): Map<string, string[]> {
  const byCheck = new Map<string, string[]>();
  for (const kind of factors?.likelihood.exposure ?? []) for (const c of kind.checks) byCheck.set(c, [...(byCheck.get(c) ?? []), kind.id]);
  return byCheck;
}

/** Where a check's failing findings go; looked up once per run of findings of the same check. */
interface CheckSink {
  check: Check;
  draft: Draft;
  failing: Finding[];
  kinds: readonly string[];
}

/** Every failing finding lands in its check's risk; passes are only counted. */
function collectFindings(pack: ContentPack, findings: readonly Finding[], checkById: Map<string, Check>, draft: DraftOf): Evidence {
  const evidence: Evidence = { failingByCheck: new Map(), passingByCheck: new Map(), exposure: new Map() };
  const kindsOf = exposureKinds(pack.ratingFactors);
  // findings come grouped by check: resolve the check's sink once per group, not per finding
  let lastCheckId: string | undefined;
  let sink: CheckSink | undefined;
  for (const f of findings) {
    if (f.status === 'pass') evidence.passingByCheck.set(f.checkId, (evidence.passingByCheck.get(f.checkId) ?? 0) + 1);
    if (f.status !== 'fail') continue;
    if (f.checkId !== lastCheckId) {
      lastCheckId = f.checkId;
      sink = sinkOf(f.checkId, checkById, evidence, kindsOf, draft);
    }
    if (!sink) continue;
    sink.failing.push(f);
    for (const kind of sink.kinds) addExposure(evidence.exposure, f.resourceId, kind, sink.check.risk);
    const d = sink.draft;
    if (f.serviceModel !== 'unknown') d.models.add(f.serviceModel);
    d.findings.push({ checkId: f.checkId, resourceId: f.resourceId, subscriptionId: f.subscriptionId, serviceModel: f.serviceModel });
    d.resources.add(f.resourceId);
    if (f.subscriptionId) d.subscriptions.add(f.subscriptionId);
  }
  return evidence;
}

function sinkOf(checkId: string, checkById: Map<string, Check>, evidence: Evidence, kindsOf: Map<string, string[]>, draft: DraftOf): CheckSink | undefined {
  const check = checkById.get(checkId);
  if (!check) return undefined;
  let failing = evidence.failingByCheck.get(checkId);
  if (!failing) evidence.failingByCheck.set(checkId, (failing = []));
  return { check, draft: draft(check.risk), failing, kinds: kindsOf.get(checkId) ?? [] };
}

function addExposure(exposure: Evidence['exposure'], key: string, kind: string, templateId: string): void {
  let kinds = exposure.get(key);
  if (!kinds) exposure.set(key, (kinds = new Map()));
  let templates = kinds.get(kind);
  if (!templates) kinds.set(kind, (templates = new Set()));
  templates.add(templateId);
}

const chosenLabels = (q: Question, a: Answer) => q.choices.filter((c) => a.choices.includes(c.id)).map((c) => c.label);

/** "the 1 resource checked by ST-01 passes", "all 3 resources checked by ST-01 pass". */
const allPassing = (n: number, checks: string): string => (n === 1 ? `the 1 resource checked by ${checks} passes` : `all ${counted(n, 'resource')} checked by ${checks} pass`);

/** A weak answer raises its question's risk; notes say when the answer needs checking. */
function weakAnswer(q: Question & { risk: string }, a: Answer, scored: { score: number | null; result: 'partial' | 'non-compliant' }, ctx: AnswerContext): void {
  const d = ctx.draft(q.risk);
  for (const m of questionModels(q, ctx.answers)) d.models.add(m);
  d.answers.push({ questionId: q.id, choices: [...a.choices], result: scored.result, score: scored.score });
  const unknown = a.choices.some((c) => ctx.unknownChoices.has(c));
  d.answerFacts.push({ result: scored.result, unknown });
  if (unknown) d.notes.push(`The answer to ${q.id} is "${chosenLabels(q, a).join('; ')}": to verify with the client.`);
  // the reverse of a contradiction: weak by the answer, but every evidenced resource passes
  const claims = q.claims ?? [];
  const failing = claims.reduce((n, c) => n + (ctx.evidence.failingByCheck.get(c)?.length ?? 0), 0);
  const passing = claims.reduce((n, c) => n + (ctx.evidence.passingByCheck.get(c) ?? 0), 0);
  if (failing === 0 && passing > 0)
    d.notes.push(
      `The answer to ${q.id} ("${chosenLabels(q, a).join('; ')}") says this is weak, but ${allPassing(passing, claims.join(', '))}: the weakness may lie outside the inventory, or the answer may be out of date.`,
    );
}

/** A compliant answer whose claimed checks fail in the inventory: the disagreement is recorded on the check's risk. */
function compliantAnswer(q: Question, a: Answer, score: number | null, ctx: AnswerContext): void {
  for (const checkId of q.claims ?? []) {
    const failing = ctx.evidence.failingByCheck.get(checkId);
    const check = ctx.checkById.get(checkId);
    if (!failing || failing.length === 0 || !check) continue;
    const d = ctx.draft(check.risk);
    // an answer claiming several checks of one risk is listed once, with a disagreement per check
    if (!d.answers.some((x) => x.questionId === q.id)) d.answers.push({ questionId: q.id, choices: [...a.choices], result: 'compliant', score });
    d.disagreements.push({
      questionId: q.id,
      choices: [...a.choices],
      checkId,
      failingResources: failing.map((f) => f.resourceId),
      message: `The answer to ${q.id} ("${chosenLabels(q, a).join('; ')}") says this is in place, but the inventory shows ${counted(failing.length, 'resource')} failing ${checkId} (${check.title}).`,
    });
  }
}

interface AnswerContext {
  answers: Answers;
  evidence: Evidence;
  checkById: Map<string, Check>;
  unknownChoices: Set<string>;
  draft: DraftOf;
}

function collectAnswers(pack: ContentPack, ctx: AnswerContext): void {
  for (const { questions } of visibleQuestions(pack, ctx.answers)) {
    for (const q of questions) {
      const a = ctx.answers[q.id];
      if (!a) continue;
      const { score, result } = scoreAnswer(q, a);
      if (q.risk && (result === 'partial' || result === 'non-compliant')) weakAnswer({ ...q, risk: q.risk }, a, { score, result }, ctx);
      if (result === 'compliant') compliantAnswer(q, a, score, ctx);
    }
  }
}

/**
 * Each workload with a tolerance gap joins the one availability-gap risk of the register (one
 * risk per template, so its id stays put however the workloads change): its resources, its
 * models and a note with its figures, its tolerance and the fixes. The architecture is the
 * customer's choice: the template's area gives the customer in every column of both matrices.
 */
function addAvailabilityGaps(d: Draft, gaps: readonly AvailabilityGap[]): void {
  d.computed = true;
  for (const g of gaps) {
    for (const m of g.models) d.models.add(m);
    for (const id of g.resourceIds) d.resources.add(id);
    for (const s of g.subscriptionIds) d.subscriptions.add(s);
    d.notes.push(availabilityGapNote(g));
  }
}

function statusOf(d: Draft): EvidenceStatus {
  if (d.disagreements.length > 0) return 'contradicted';
  return d.findings.length > 0 || d.computed ? 'verified' : 'reported';
}

/** What the rating factors read of a draft: affected resources' environments and exposure by other checks. */
function ratingInput(d: Draft, baseline: RatingInput['baseline'], scoping: RatingInput['scoping'], evidence: Evidence, environments: DeriveRisksInput['environments']): RatingInput {
  const exposed = new Map<string, number>();
  const envs: RatingInput['environments'][number][] = [];
  for (const id of d.resources) {
    envs.push(environments?.get(id));
    const kinds = evidence.exposure.get(id);
    if (!kinds) continue;
    for (const [kind, templates] of kinds) {
      // the risk's own exposure checks do not count: the template's baseline assumes them
      if (templates.size === 1 && templates.has(d.templateId)) continue;
      exposed.set(kind, (exposed.get(kind) ?? 0) + 1);
    }
  }
  return { baseline, scoping, environments: envs, exposed, answers: d.answerFacts };
}

function scopingChoices(factors: RatingFactors | undefined, answers: Answers): Map<string, readonly string[]> {
  return new Map((factors?.impact.scoping ?? []).map((f) => [f.question, answers[f.question]?.choices ?? []]));
}

/** Ids `R-001...`: previous ids kept per template; new risks numbered after them by level, likelihood x impact, template id. */
function numberRisks(pack: ContentPack, built: Omit<Risk, 'id'>[], previousRisks: DeriveRisksInput['previous']): Risk[] {
  const previous = new Map((previousRisks ?? []).map((r) => [r.templateId, r.id]));
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

/**
 * Answers + findings -> one risk per risk template raised, assessment-wide. Each risk links
 * every answer and failing finding behind it and says how it is known (`evidenceStatus`, with
 * `evidenceNotes` for answers to check); its owner comes from the matrix (template area x the
 * service models involved; different owners => shared; for a multi-cloud risk, the matrices of
 * the other providers in scope: core/risks/provider-owner.ts); its likelihood and impact are the
 * template's baseline moved by the pack's rating factors (`rating`, every step with its
 * reason), its level from the grid; a compliant answer contradicted by failing evidence is
 * recorded as a disagreement. Ids `R-001...` are stable (see {@link numberRisks}).
 */
export function deriveRisks(input: DeriveRisksInput): Risk[] {
  const { pack, answers, findings } = input;
  const matrix = pack.matrices.get(input.matrixId ?? pack.header.defaultMatrix);
  if (!matrix) throw new Error(`unknown responsibility matrix '${input.matrixId ?? pack.header.defaultMatrix}'`);
  const drafts = new Map<string, Draft>();
  const draft: DraftOf = (templateId) => {
    let d = drafts.get(templateId);
    if (!d)
      drafts.set(
        templateId,
        (d = {
          templateId,
          models: new Set(),
          answers: [],
          answerFacts: [],
          findings: [],
          resources: new Set(),
          subscriptions: new Set(),
          disagreements: [],
          notes: [],
          computed: false,
        }),
      );
    return d;
  };
  const checkById = new Map(pack.checks.map((c) => [c.id, c]));
  const evidence = collectFindings(pack, findings, checkById, draft);
  const unknownChoices = new Set(pack.ratingFactors?.likelihood.answers.unknownChoices ?? []);
  collectAnswers(pack, { answers, evidence, checkById, unknownChoices, draft });
  const scoping = scopingChoices(pack.ratingFactors, answers);
  // multi-cloud risks take their owner from the matrix of the providers they concern
  const providerOwner = providerOwnerResolver(pack, answers);

  // templates the scope itself raises (provider-side threats, assessments/FORMAT.md)
  for (const { templateId, models, evidence } of scopeRaisedTemplates(pack, answers)) {
    const d = draft(templateId);
    for (const m of models) d.models.add(m);
    d.answers.push({ ...evidence, choices: [...evidence.choices] });
  }

  if (input.availabilityGaps?.length && pack.riskTemplates.has(AVAILABILITY_GAP_TEMPLATE)) addAvailabilityGaps(draft(AVAILABILITY_GAP_TEMPLATE), input.availabilityGaps);

  const build = (d: Draft): Omit<Risk, 'id'> => {
    const t = pack.riskTemplates.get(d.templateId);
    if (!t) throw new Error(`missing risk template '${d.templateId}'`);
    const models = allModels.filter((m) => d.models.has(m));
    const rating = rateRisk(pack.ratingFactors, ratingInput(d, { likelihood: t.likelihood, impact: t.impact }, scoping, evidence, input.environments));
    const { verification: msVerification, ...msRaised } = raisedRiskFields({ matrix, riskMatrix: pack.riskMatrix, area: t.area, models, likelihood: rating.likelihood, impact: rating.impact });
    const other = providerOwner(t.id, t.area);
    const raised = other ? { ...msRaised, owner: other.owner, ownerBasis: other.ownerBasis, action: other.action } : msRaised;
    const verification = other ? other.verification : msVerification;
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
      evidenceStatus: statusOf(d),
      evidenceNotes: d.notes,
      rating,
    };
    if (verification) risk.verification = verification;
    if (other) risk.providerBasis = other.providerBasis;
    return risk;
  };

  return numberRisks(pack, [...drafts.values()].map(build), input.previous);
}
