import type { ContentPack, RiskTemplate } from '../content/types';
import { serviceModels as modelOrder } from '../content/vocabulary';
import { raisedRiskFields } from '../risks/raised';
import type { Risk } from '../risks/schema';
import { riskLevel } from '../risks/scoring';
import type { AssessmentBundle } from './schema';

/**
 * Bundles made with an older pack may hold risks whose template was retired when templates
 * were merged (one risk per weakness), and so may assessments the app stored before its pack was
 * updated. Import (`migrateRetiredTemplates`) and the app's register (`migrateRetiredRisks`, from
 * renderer/db/risks-repository.ts) rewrite them with the pack's `template-migrations.yaml`, so the
 * register keeps one risk per weakness:
 *
 * - a risk under a retired id moves to the template that absorbed it;
 * - risks that end up under one template merge: the lowest R-id survives (ids are public),
 *   the others are listed in its `formerIds`; evidence, disagreements and service models are
 *   unioned; the ratings are the highest of the merged risks;
 * - the consultant's decisions (owner override, treatment, residual, acceptance, action owner,
 *   due date) are the surviving risk's when it has any, else those of the merged risk that has;
 *   the other risks' history entries are kept, after a note saying where they come from;
 * - template text (title, threat, recommendation, mappings...) and the matrix owner are taken
 *   from the absorbing template, as a re-derivation would;
 * - when a retired template was split (its checks now raise different templates), the findings,
 *   answers and disagreements of a migrated risk whose check or question now raises another
 *   template move to that template's risk when the bundle has one (else they stay, and the next
 *   re-derivation moves them).
 *
 * Pure: `at` is the time recorded in the history notes.
 */

export interface TemplateMigrationOutcome {
  bundle: AssessmentBundle;
  /** one line per surviving risk that was migrated, for the user */
  notes: string[];
}

type Pack = Pick<ContentPack, 'templateMigrations' | 'riskTemplates' | 'riskMatrix' | 'matrices' | 'header' | 'checks' | 'questions'>;

const idNumber = (id: string): number => Number(id.slice(2));

/** A consultant decided something on this risk (or wrote in its history). */
function edited(r: Risk): boolean {
  return (
    r.history.length > 0 ||
    r.ownerOverride !== null ||
    r.residual !== null ||
    r.treatment !== null ||
    r.acceptance !== null ||
    r.actionOwner !== null ||
    r.dueDate !== null
  );
}

const uniqueBy = <T>(items: T[], key: (x: T) => string): T[] => {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

function unionEvidence(risks: Risk[]): Pick<Risk, 'evidence' | 'disagreements'> {
  return {
    evidence: {
      answers: uniqueBy(risks.flatMap((r) => r.evidence.answers), (a) => `${a.questionId}\n${a.choices.join(',')}`),
      findings: uniqueBy(risks.flatMap((r) => r.evidence.findings), (f) => `${f.checkId}\n${f.resourceId.toLowerCase()}`),
      affectedResources: [...new Set(risks.flatMap((r) => r.evidence.affectedResources))].sort(),
      subscriptions: [...new Set(risks.flatMap((r) => r.evidence.subscriptions))].sort(),
    },
    disagreements: uniqueBy(risks.flatMap((r) => r.disagreements), (d) => `${d.questionId}\n${d.checkId}`),
  };
}

/** The consultant's decisions and history, per the rules above. */
function decisions(survivor: Risk, absorbed: Risk[], at: string): Pick<Risk, 'ownerOverride' | 'residual' | 'treatment' | 'acceptance' | 'actionOwner' | 'dueDate' | 'history'> {
  const source = edited(survivor) ? survivor : (absorbed.find(edited) ?? survivor);
  const history = [...survivor.history];
  for (const other of absorbed) {
    if (other.history.length === 0) continue;
    const kept = other === source ? 'its decisions are kept here' : `this risk's own decisions were kept`;
    history.push({ at, action: 'merged-history', detail: `The entries below come from ${other.id} (${other.templateId}), merged into this risk; ${kept}.` });
    history.push(...other.history);
  }
  return {
    ownerOverride: source.ownerOverride,
    residual: source.residual,
    treatment: source.treatment,
    acceptance: source.acceptance,
    actionOwner: source.actionOwner,
    dueDate: source.dueDate,
    history,
  };
}

/** Template text and the matrix owner, as a re-derivation under the absorbing template gives them. */
function fromTemplate(t: RiskTemplate, risks: Risk[], matrixId: string, pack: Pack): Partial<Risk> {
  const models = modelOrder.filter((m) => risks.some((r) => r.serviceModels.includes(m)));
  const likelihood = Math.max(...risks.map((r) => r.likelihood));
  const impact = Math.max(...risks.map((r) => r.impact));
  const matrix = pack.matrices.get(matrixId) ?? pack.matrices.get(pack.header.defaultMatrix);
  const out: Partial<Risk> = {
    templateId: t.id,
    title: t.title,
    category: t.category,
    threat: t.threat,
    area: t.area,
    recommendation: { ...t.recommendation },
    effort: t.effort,
    userImpact: t.userImpact,
    mappings: t.mappings ?? {},
    irPlaybooks: [...(t.irPlaybooks ?? [])],
    serviceModels: models,
    likelihood,
    impact,
    inherentLevel: riskLevel(pack.riskMatrix, likelihood, impact),
  };
  if (matrix) {
    const raised = raisedRiskFields({ matrix, riskMatrix: pack.riskMatrix, area: t.area, models, likelihood, impact });
    out.owner = raised.owner;
    out.ownerBasis = raised.ownerBasis;
    out.action = raised.action;
    out.verification = raised.verification;
  }
  return out;
}

function mergeGroup<R extends Risk>(group: R[], target: RiskTemplate, matrixId: string, pack: Pack, at: string): { risk: R; note: string } {
  const [survivor, ...absorbed] = [...group].sort((a, b) => idNumber(a.id) - idNumber(b.id)) as [R, ...R[]];
  const formerIds = [...new Set([...(survivor.formerIds ?? []), ...absorbed.flatMap((r) => [r.id, ...(r.formerIds ?? [])])])].sort((a, b) => idNumber(a) - idNumber(b));
  const retired = [...new Set(group.map((r) => r.templateId).filter((id) => id !== target.id))];
  const version = retired.map((id) => pack.templateMigrations.get(id)?.retiredIn).find(Boolean) ?? pack.header.version;
  const merged = absorbed.length > 0 ? ` ${absorbed.map((r) => r.id).join(', ')} merged into this risk (evidence combined).` : '';
  const note = `Pack ${version} retired ${retired.join(', ')} in favour of ${target.id}.${merged}`;
  const risk: R = {
    ...survivor,
    ...fromTemplate(target, group, matrixId, pack),
    ...unionEvidence(group),
    ...decisions(survivor, absorbed, at),
  };
  if (risk.verification === undefined) delete risk.verification;
  risk.history = [...risk.history, { at, action: 'template-migrated', detail: note }];
  if (formerIds.length > 0) risk.formerIds = formerIds;
  return { risk, note: `${risk.id}: ${note}` };
}

/** Rewrites the bundle's risks whose template was retired; returns the bundle unchanged when none was. */
export function migrateRetiredTemplates(bundle: AssessmentBundle, pack: Pack, at: string): TemplateMigrationOutcome {
  const { risks, notes } = migrateRetiredRisks(bundle.risks, bundle.assessment.matrixId, pack, at);
  return risks === bundle.risks ? { bundle, notes } : { bundle: { ...bundle, risks: [...risks] }, notes };
}

/**
 * The same rewrite over one assessment's risks, wherever they are stored (a bundle, the app's
 * database): `matrixId` is the assessment's responsibility matrix. Extra fields of a stored
 * risk are the surviving risk's. Returns the input list itself when no risk is under a retired
 * template, else copies (the input stays as it was), sorted by id.
 */
export function migrateRetiredRisks<R extends Risk>(input: readonly R[], matrixId: string, pack: Pack, at: string): { risks: readonly R[]; notes: string[] } {
  const targetOf = (r: Risk): string => pack.templateMigrations.get(r.templateId)?.to ?? r.templateId;
  if (!input.some((r) => targetOf(r) !== r.templateId)) return { risks: input, notes: [] };
  const groups = new Map<string, R[]>();
  // copies: evidence may move between risks below, and the input stays as it was
  for (const r of structuredClone(input)) groups.set(targetOf(r), [...(groups.get(targetOf(r)) ?? []), r]);
  const notes: string[] = [];
  const risks: R[] = [];
  const migrated = new Set<string>();
  for (const [templateId, group] of groups) {
    const target = pack.riskTemplates.get(templateId);
    if (!target || group.every((r) => r.templateId === templateId)) {
      risks.push(...group);
      continue;
    }
    const { risk, note } = mergeGroup(group, target, matrixId, pack, at);
    risks.push(risk);
    migrated.add(risk.id);
    notes.push(note);
  }
  notes.push(...rerouteEvidence(risks, migrated, pack, at));
  risks.sort((a, b) => idNumber(a.id) - idNumber(b.id));
  return { risks, notes };
}

/** Moves evidence of migrated risks to the risk of the template its check or question raises now. */
function rerouteEvidence(risks: Risk[], migrated: Set<string>, pack: Pack, at: string): string[] {
  const checkTemplate = new Map(pack.checks.map((c) => [c.id, c.risk]));
  const byTemplate = new Map(risks.map((r) => [r.templateId, r]));
  const notes: string[] = [];
  const elsewhere = (r: Risk, templateId: string | undefined): Risk | undefined =>
    templateId && templateId !== r.templateId ? byTemplate.get(templateId) : undefined;
  for (const from of risks.filter((r) => migrated.has(r.id))) {
    const moved = new Map<Risk, string[]>();
    const keep = <T>(items: T[], templateOf: (x: T) => string | undefined, label: (x: T) => string, put: (to: Risk, x: T) => void): T[] =>
      items.filter((x) => {
        const to = elsewhere(from, templateOf(x));
        if (!to) return true;
        put(to, x);
        moved.set(to, [...(moved.get(to) ?? []), label(x)]);
        return false;
      });
    from.evidence.findings = keep(from.evidence.findings, (f) => checkTemplate.get(f.checkId), (f) => f.checkId, (to, f) => to.evidence.findings.push(f));
    from.evidence.answers = keep(from.evidence.answers, (a) => pack.questions.get(a.questionId)?.risk, (a) => a.questionId, (to, a) => to.evidence.answers.push(a));
    from.disagreements = keep(from.disagreements, (d) => checkTemplate.get(d.checkId), (d) => `${d.questionId}/${d.checkId}`, (to, d) => to.disagreements.push(d));
    for (const [to, labels] of moved) {
      const what = [...new Set(labels)].join(', ');
      resetResources(from);
      resetResources(to);
      to.history = [...to.history, { at, action: 'template-migrated', detail: `Evidence (${what}) moved here from ${from.id}: its checks or questions now raise this risk's template.` }];
      from.history = [...from.history, { at, action: 'template-migrated', detail: `Evidence (${what}) moved to ${to.id}, whose template its checks or questions now raise.` }];
      notes.push(`${to.id}: evidence ${what} moved here from ${from.id}.`);
    }
  }
  return notes;
}

/** Affected resources and subscriptions follow the findings a risk holds. */
function resetResources(r: Risk): void {
  r.evidence.affectedResources = [...new Set(r.evidence.findings.map((f) => f.resourceId))].sort();
  r.evidence.subscriptions = [...new Set(r.evidence.findings.map((f) => f.subscriptionId).filter((s) => s !== ''))].sort();
}
