import { EVIDENCE_STATUS_TEXT, evidenceStatusOf, ratingBasis } from '../../risks/evidence-status';
import { providerOwnerText } from '../../risks/provider-owner';
import type { Risk } from '../../risks/schema';
import { DONT_KNOW_RESULT, isDontKnow, recordedFactsFor, restsOnDontKnow, unknownChoices, verificationStep } from '../recorded-facts';
import { CATEGORY_LABEL, counted, MODEL_LABEL, OWNER_LABEL, RESULT_LABEL, TREATMENT_LABEL, daysBetween, longDate, riskBookmark } from '../labels';
import type { Horizon, Rating, RiskView } from '../types';
import { readableEvidence, type ReadableEvidence, type RowLookup } from '../evidence-text';
import { choiceLabels, findingKey, MAX_NOTE, type ModelContext } from './context';

type Finding = ModelContext['bundle']['inventory']['findings'][number];

/** Resources listed per check under a risk; the rest are counted (every one is in the XLSX). */
const RESOURCES_PER_CHECK = 20;
/** Longest evidence text kept (an Excel cell holds 32,767 characters). */
export const MAX_EVIDENCE_TEXT = 32_000;

const FRAMEWORK_NAME = { mcsb: 'Microsoft cloud security benchmark v1', cis: 'CIS Microsoft Azure Foundations 6.0.0', nistCsf: 'NIST CSF 2.0' } as const;

/**
 * The roadmap horizon of a risk: from its due date when agreed, otherwise from its inherent
 * level and effort (the top level and quick fixes one level below go first).
 */
export function horizonOf(ctx: ModelContext, r: Risk, residual: Rating): Horizon {
  if (r.dueDate) {
    const d = daysBetween(ctx.reportDate, r.dueDate);
    return d <= 30 ? '30' : d <= 60 ? '60' : d <= 90 ? '90' : 'later';
  }
  const order = ctx.levelOf(r.inherentLevel).order;
  const top = ctx.levels[ctx.levels.length - 1]?.order ?? 4;
  if (r.treatment === 'accept') return 'later';
  if (order >= top || (order >= top - 1 && r.effort === 'low')) return '30';
  if (order >= top - 1) return '60';
  if (order >= top - 2 || residual.level !== r.inherentLevel) return '90';
  return 'later';
}

/** Why the risk has its owner: the consultant's override, or the matrix cells behind it. */
export function ownerJustification(ctx: ModelContext, r: Risk): string {
  const owner = r.ownerOverride?.owner ?? r.owner;
  if (r.ownerOverride) {
    const o = r.ownerOverride;
    return `Set to ${OWNER_LABEL[o.owner]} by ${ctx.clean(o.by ?? 'the consultant')} on ${longDate(o.at)} (matrix: ${OWNER_LABEL[r.owner]}): ${ctx.clean(o.justification, MAX_NOTE)}`;
  }
  if (r.providerBasis && r.providerBasis.length > 0) return ctx.clean(providerOwnerText(r.providerBasis, ctx.areaLabel(r.area)), MAX_NOTE);
  const basis = r.ownerBasis.map((b) => `${OWNER_LABEL[b.owner].toLowerCase()} in ${MODEL_LABEL[b.serviceModel]}`).join(', ');
  const area = ctx.areaLabel(r.area);
  if (!basis) return `${ctx.matrix.title} assigns “${area}” the same owner in every service model.`;
  const mixed = r.ownerBasis.length > 1 && owner === 'shared' ? '; different owners across the service models involved make it shared' : '';
  return `${ctx.matrix.title} assigns “${area}” to the ${basis}${mixed}.`;
}

/** Stored rows by id, as stored and lower-cased (ids in evidence do not always keep Azure's casing). */
const lookups = new WeakMap<ModelContext, RowLookup>();
export function rowLookup(ctx: ModelContext): RowLookup {
  let lookup = lookups.get(ctx);
  if (!lookup) {
    const lower = new Map([...ctx.resourceById.values()].map((r) => [r.id.toLowerCase(), r]));
    lookup = (id) => ctx.resourceById.get(id) ?? lower.get(id.toLowerCase());
    lookups.set(ctx, lookup);
  }
  return lookup;
}

/** Every string of a finding's readable evidence cleaned and masked as the finding's other text. */
function cleanEvidence(ctx: ModelContext, f: Finding, e: ReadableEvidence): ReadableEvidence {
  const c = (s: string): string => ctx.cleanFound(f, s, MAX_EVIDENCE_TEXT);
  const all = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? c(v) : v])) as T;
  // the raw JSON goes only to the spreadsheet, where it must stay JSON: the zero-width space
  // that keeps "{{" from reading as a document placeholder would make it unparseable
  const raw = c(e.raw).replace(/\{\u200B\{/g, '{{').replace(/\}\u200B\}/g, '}}');
  return { kind: e.kind, summary: c(e.summary), rules: e.rules.map(all), items: e.items.map(all), settings: e.settings.map(all), raw, ...(e.selfNamed ? { selfNamed: true } : {}) };
}

/** The readable evidence of a stored finding (check, row and lookups from the context), cleaned. */
export function findingEvidence(ctx: ModelContext, f: Finding): ReadableEvidence {
  const res = ctx.resourceById.get(f.resourceId);
  return cleanEvidence(ctx, f, readableEvidence(ctx.checkById.get(f.checkId), f, res?.row, rowLookup(ctx)));
}

/** The inventory findings behind a risk, grouped by check, with up to 20 resources each. */
export function findingsByCheck(ctx: ModelContext, r: Risk): RiskView['findings'] {
  const { clean } = ctx;
  const byCheck = new Map<string, RiskView['findings'][number]>();
  for (const ef of r.evidence.findings) {
    let g = byCheck.get(ef.checkId);
    const f = ctx.findingByKey.get(findingKey(ef.checkId, ef.resourceId));
    if (!g) {
      const check = ctx.checkById.get(ef.checkId);
      g = { checkId: ef.checkId, checkTitle: clean(check?.title ?? f?.title ?? ef.checkId), severity: check?.severity ?? f?.severity ?? '', total: 0, resources: [] };
      byCheck.set(ef.checkId, g);
    }
    g.total++;
    if (g.resources.length < RESOURCES_PER_CHECK) {
      const res = ctx.resourceById.get(ef.resourceId);
      const detail = f ? findingEvidence(ctx, f) : undefined;
      g.resources.push({
        name: f ? ctx.cleanFoundName(f) : clean(res?.name ?? ef.resourceId),
        type: clean(f?.resourceType ?? res?.type ?? ''),
        resourceGroup: clean(res?.resourceGroup ?? ''),
        subscription: clean(ef.subscriptionId),
        evidence: detail?.summary ?? '',
        ...(detail ? { detail } : {}),
        businessServices: ctx.servicesOf([ef.resourceId]),
      });
    }
  }
  // a resource known only by its (masked) id says least: the named ones are shown first
  for (const g of byCheck.values()) g.resources = [...g.resources].sort((a, b) => Number(ID_NAME.test(a.name)) - Number(ID_NAME.test(b.name)));
  return [...byCheck.values()];
}

/** A resource name that is only an id, masked or not ("xxxxxxxx-xxxx-…-xxxxxxxx5e6f"). */
const ID_NAME = /^[0-9a-fx]{8}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{12}$/i;

/** The framework controls a risk maps to, with their titles from the pack. */
export function frameworkMappings(ctx: ModelContext, r: Risk): RiskView['mappings'] {
  const out: RiskView['mappings'] = [];
  for (const key of ['mcsb', 'cis', 'nistCsf'] as const) {
    const ids = r.mappings[key];
    if (!ids || ids.length === 0) continue;
    const controls = ctx.pack.frameworks[key]?.controls;
    out.push({ framework: FRAMEWORK_NAME[key], ids: ids.map((id) => ({ id, title: controls?.find((c) => c.id === id)?.title ?? '' })) });
  }
  return out;
}

/**
 * An answer the inventory contradicts, said from its parts (question, answer, check, failing
 * resources) rather than the sentence stored when the register was derived, so that the count
 * reads "1 resource", never "1 resource(s)". The stored message stands for a check the pack
 * no longer has.
 */
function disagreementText(ctx: ModelContext, d: Risk['disagreements'][number]): string {
  const check = ctx.checkById.get(d.checkId);
  if (!check || !ctx.pack.questions.has(d.questionId)) return ctx.clean(d.message, MAX_NOTE);
  const failing = counted(d.failingResources.length, 'resource');
  return ctx.clean(`The answer to ${d.questionId} ("${choiceLabels(ctx, d.questionId, d.choices)}") says this is in place, but the inventory shows ${failing} failing ${d.checkId} (${check.title}).`, MAX_NOTE);
}

/** The interview answers behind a risk, with the question text and the consultant's note. */
export function answerEvidence(ctx: ModelContext, r: Risk): RiskView['answers'] {
  const { clean } = ctx;
  return r.evidence.answers.map((ans) => ({
    questionId: ans.questionId,
    question: clean(ctx.pack.questions.get(ans.questionId)?.text ?? ans.questionId, MAX_NOTE),
    answer: clean(choiceLabels(ctx, ans.questionId, ans.choices), MAX_NOTE),
    // a "Don't know" scores as non-compliant, but the report does not call it that: it is to verify
    result: isDontKnow(ctx.pack, ans.choices) ? DONT_KNOW_RESULT : ans.result ? RESULT_LABEL[ans.result] : '',
    note: clean(ctx.bundle.answers[ans.questionId]?.note ?? '', MAX_NOTE),
    ...scopeBrief(ctx, ans.questionId, ans.choices),
  }));
}

/**
 * A scoping answer by the short names of its choices ("IaaS; PaaS; SaaS"): its labels carry a
 * description after the colon ("IaaS: virtual machines, virtual networks, …") that, quoted
 * whole as the evidence of a provider-side risk, fills three lines and says nothing about it.
 */
function scopeBrief(ctx: ModelContext, questionId: string, choices: readonly string[]): { brief?: string } {
  const q = ctx.pack.questions.get(questionId);
  if (q?.kind !== 'scope') return {};
  const labels = choices.map((c) => q.choices.find((x) => x.id === c)?.label ?? c);
  if (!labels.some((l) => l.includes(': '))) return {};
  return { brief: ctx.clean(labels.map((l) => l.split(': ')[0]).join('; '), MAX_NOTE) };
}

/** "Don't know" risks (to verify, with the step) and the IR setup's facts that bear on the answers. */
function howKnownParts(ctx: ModelContext, r: Risk): Pick<RiskView, 'evidenceStatusLabel' | 'howKnown' | 'toVerify' | 'recordedFacts'> {
  const status = evidenceStatusOf(r);
  const recorded = recordedFactsFor(ctx.bundle, ctx.pack, r);
  const recordedFacts = recorded.map((f) => ctx.clean(f.fact, MAX_NOTE));
  if (!restsOnDontKnow(r, unknownChoices(ctx.pack))) {
    const { label, meaning } = EVIDENCE_STATUS_TEXT[status];
    return { evidenceStatusLabel: label, howKnown: `${label}. ${meaning}`, recordedFacts };
  }
  // a recorded fact answers the question: what is left to verify is narrower than asking again
  const remaining = recorded.map((f) => f.remaining).join(' ');
  const step = ctx.clean(remaining || verificationStep(ctx.pack, r.evidence.answers.map((a) => a.questionId)), MAX_NOTE);
  return {
    evidenceStatusLabel: TO_VERIFY_LABEL,
    howKnown: `${TO_VERIFY_LABEL}. The interview answer was “Don't know”: a possible weakness, not an established one, rated as if it were until verified.`,
    toVerify: { step },
    recordedFacts,
  };
}

/** How the report labels a risk resting only on "Don't know" (as its answers). */
export const TO_VERIFY_LABEL = DONT_KNOW_RESULT;

/** One register risk as the report shows it: text cleaned, ids masked, labels resolved. */
export function riskView(ctx: ModelContext, r: Risk): RiskView {
  const { clean } = ctx;
  const owner = r.ownerOverride?.owner ?? r.owner;
  const status = evidenceStatusOf(r);
  const inherent = ctx.rating(r.likelihood, r.impact, r.inherentLevel);
  const residual = r.residual ? ctx.rating(r.residual.likelihood, r.residual.impact, r.residual.level) : inherent;
  const view: RiskView = {
    id: r.id,
    bookmark: riskBookmark(r.id),
    templateId: r.templateId,
    formerIds: (r.formerIds ?? []).map((id) => clean(id)),
    title: clean(r.title),
    threat: clean(r.threat, MAX_NOTE),
    category: r.category,
    categoryLabel: CATEGORY_LABEL[r.category],
    areaLabel: ctx.areaLabel(r.area),
    serviceModels: r.serviceModels.length > 0 ? r.serviceModels.map((m) => MODEL_LABEL[m]).join(', ') : 'All',
    owner,
    ownerLabel: OWNER_LABEL[owner],
    ownerJustification: ownerJustification(ctx, r),
    action: owner === 'microsoft' ? 'verify' : r.action,
    inherent,
    residual,
    residualSet: r.residual !== null,
    treatment: r.treatment ? TREATMENT_LABEL[r.treatment] : 'To be decided',
    actionOwner: r.actionOwner ? clean(r.actionOwner) : 'To be assigned',
    dueDate: r.dueDate ? longDate(r.dueDate) : 'To be agreed',
    horizon: horizonOf(ctx, r, residual),
    effort: r.effort,
    userImpact: r.userImpact,
    recommendation: {
      summary: clean(r.recommendation.summary, MAX_NOTE),
      portal: (r.recommendation.portal ?? []).map((s) => clean(s, MAX_NOTE)),
      cli: clean(r.recommendation.cli ?? '', MAX_NOTE),
    },
    verification: clean(r.verification ?? '', MAX_NOTE),
    mappings: frameworkMappings(ctx, r),
    playbooks: r.irPlaybooks,
    answers: answerEvidence(ctx, r),
    findings: findingsByCheck(ctx, r),
    affectedResourceCount: r.evidence.affectedResources.length,
    businessServices: ctx.servicesOf(r.evidence.affectedResources),
    subscriptions: r.evidence.subscriptions.map((s) => clean(s)),
    disagreements: r.disagreements.map((d) => disagreementText(ctx, d)),
    evidenceStatus: status,
    ...howKnownParts(ctx, r),
    ratingBasis: ratingBasis(r).map((line) => clean(line, MAX_NOTE)),
    history: r.history.map((h) => ({ at: longDate(h.at), action: clean(h.action), detail: clean(h.detail, MAX_NOTE), by: clean(h.by ?? '') })),
  };
  if (r.acceptance) view.acceptance = { acceptedBy: clean(r.acceptance.acceptedBy), expires: longDate(r.acceptance.expires), reason: clean(r.acceptance.reason ?? '', MAX_NOTE) };
  return view;
}

const compareIds = (x: RiskView, y: RiskView): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Most severe first: residual level, inherent level, likelihood × impact, then id. */
export function bySeverity(ctx: ModelContext): (x: RiskView, y: RiskView) => number {
  const order = (id: string): number => ctx.levelOf(id).order;
  return (x, y) =>
    order(y.residual.level) - order(x.residual.level) ||
    order(y.inherent.level) - order(x.inherent.level) ||
    y.inherent.likelihood * y.inherent.impact - x.inherent.likelihood * x.inherent.impact ||
    compareIds(x, y);
}

const EFFORT_RANK: Record<string, number> = { low: 0, medium: 1, high: 2 };

/** Roadmap order (docs/DOMAIN.md §4): residual level, then effort, then user impact, then id. */
export function byRoadmap(ctx: ModelContext): (x: RiskView, y: RiskView) => number {
  const order = (id: string): number => ctx.levelOf(id).order;
  return (x, y) =>
    order(y.residual.level) - order(x.residual.level) ||
    (EFFORT_RANK[x.effort] ?? 1) - (EFFORT_RANK[y.effort] ?? 1) ||
    (EFFORT_RANK[x.userImpact] ?? 1) - (EFFORT_RANK[y.userImpact] ?? 1) ||
    compareIds(x, y);
}
