import { evidenceTable } from '../evidence-text';
import type { RiskView } from '../model';
import { bullets, heading, keyValues, link, numbered, para, rich, STYLE } from './primitives';
import { themeOf, templateText, brandedTable, levelCell, riskLink, type Block, type Ctx } from './context';

// The register summary and the detailed risks (one page per risk): full technical depth.

export const REGISTER_BOOKMARK = 'register_summary';

export function registerSummary(ctx: Ctx): Block[] {
  const { model } = ctx;
  return [
    heading(1, 'Risk register summary', REGISTER_BOOKMARK),
    ...templateText(ctx, 'register'),
    ...(model.risks.length === 0 ? [] : [para(howKnownSummary(model.risks))]),
    model.risks.length === 0
      ? para('No risk was raised.')
      : brandedTable(ctx,
          [1.2, 6, 1.6, 1.6, 1.6, 1.6, 1.8],
          ['ID', 'Risk', 'Owner', 'Inherent', 'Residual', 'Horizon', 'How known'],
          model.risks.map((r) => [riskLink(ctx, r), r.title, r.ownerLabel, levelCell(ctx, r.inherent.level, r.inherent.levelLabel), levelCell(ctx, r.residual.level, r.residual.levelLabel), r.horizon === 'later' ? '> 90 days' : `${r.horizon} days`, r.evidenceStatusLabel]),
        ),
  ];
}

const HOW_KNOWN_PHRASE: Record<RiskView['evidenceStatus'], string> = {
  verified: 'verified by failing resources in the inventory',
  reported: 'reported in the interview only',
  contradicted: 'contradicted (the interview said the control is in place; the inventory shows otherwise)',
  manual: 'added by the consultant',
};

/** "Of 120 risks, 18 are verified by …, 91 reported …": how much of the register the inventory backs. */
export function howKnownSummary(risks: readonly RiskView[]): string {
  const counts = new Map<RiskView['evidenceStatus'], number>();
  for (const r of risks) counts.set(r.evidenceStatus, (counts.get(r.evidenceStatus) ?? 0) + 1);
  const toVerify = risks.filter((r) => r.toVerify);
  // the "Don't know" risks are said of the group they belong to ("76 reported in the interview
  // only, 17 of which …"), not as "17 of them" after the last group, which read as the contradicted ones
  const within = toVerify.length > 0 && toVerify.every((r) => r.evidenceStatus === 'reported') ? 'reported' : undefined;
  const dontKnowWords = (n: number): string =>
    n === 1 ? 'rests only on a “Don\'t know” answer and is to verify, not an established weakness' : 'rest only on a “Don\'t know” answer and are to verify, not established weaknesses';
  const parts = (Object.keys(HOW_KNOWN_PHRASE) as RiskView['evidenceStatus'][])
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${HOW_KNOWN_PHRASE[s]}${s === within ? `, ${toVerify.length} of which ${dontKnowWords(toVerify.length)}` : ''}`);
  const dontKnow = toVerify.length > 0 && !within ? ` ${toVerify.length} of the ${risks.length} ${dontKnowWords(toVerify.length)}.` : '';
  return `How each risk is known: of ${risks.length}, ${parts.join('; ')}.${dontKnow}`;
}

/** The facts of a risk: category, owner, ratings, treatment, action owner, effort. */
function riskFacts(ctx: Ctx, r: RiskView): Block {
  return keyValues(
    [
      // a spreadsheet or ticket may still cite a risk merged into this one
      ...(r.formerIds.length > 0 ? ([['Formerly', `${r.formerIds.join(', ')} (merged into ${r.id})`]] as [string, string][]) : []),
      ['Category / area', `${r.categoryLabel} / ${r.areaLabel}`],
      ['Service models', r.serviceModels],
      ['Owner', `${r.ownerLabel}${r.action === 'verify' ? ' (client action: verify)' : ''}`],
      ['Inherent rating', levelCell(ctx, r.inherent.level, `${r.inherent.levelLabel} (likelihood ${r.inherent.likelihood} × impact ${r.inherent.impact})`)],
      ['How known', r.howKnown],
      ...(r.toVerify ? ([['How to verify', r.toVerify.step]] as [string, string][]) : []),
      ['Rating basis', r.ratingBasis.join('\n')],
      ['Residual rating', levelCell(ctx, r.residual.level, `${r.residual.levelLabel} (likelihood ${r.residual.likelihood} × impact ${r.residual.impact})${r.residualSet ? '' : ' — not yet set'}`)],
      ['Treatment', r.acceptance ? `${r.treatment}: accepted by ${r.acceptance.acceptedBy} until ${r.acceptance.expires}${r.acceptance.reason ? ` (${r.acceptance.reason})` : ''}` : r.treatment],
      ['Action owner / due', `${r.actionOwner} / ${r.dueDate}`],
      ['Effort / user impact', `${r.effort} / ${r.userImpact}`],
    ],
    ctx.width,
    themeOf(ctx).labelFill,
    themeOf(ctx).tableBorder,
  );
}

/** One check's failing resources: a one-line summary each when the table alone would not say it, then the table for the check's kind. */
function findingEvidence(ctx: Ctx, f: RiskView['findings'][number]): Block[] {
  const t = evidenceTable(f);
  const out: Block[] = [];
  // an NSG's rule count and a Defender object's detail are in the summary, not the table
  if (f.resources.some((x) => x.detail?.kind === 'nsg')) out.push(...bullets(f.resources.map((x) => `${x.name}: ${x.evidence}`)));
  out.push(brandedTable(ctx, t.weights, t.header, t.rows));
  if (f.total > f.resources.length) out.push(para(`${f.total - f.resources.length} more resources fail this check (all are listed, with their evidence, in the register workbook).`, STYLE.small));
  return out;
}

/** The evidence behind a risk: interview answers, inventory findings by check, contradictions. */
function riskEvidence(ctx: Ctx, r: RiskView): Block[] {
  const out: Block[] = [];
  if (r.answers.length > 0) {
    out.push(para('Evidence from the interview', STYLE.label));
    out.push(brandedTable(ctx, [1.3, 5, 4, 1.6], ['Question', 'Asked', 'Answer', 'Result'], r.answers.map((a) => [a.questionId, a.question, a.note ? `${a.answer}\nNote: ${a.note}` : a.answer, a.result])));
  }
  if (r.findings.length > 0) {
    out.push(para(`Evidence from the inventory (${r.affectedResourceCount} resource${r.affectedResourceCount === 1 ? '' : 's'})`, STYLE.label));
    for (const f of r.findings) {
      out.push(para(`${f.checkId} ${f.checkTitle} — severity ${f.severity}, ${f.total} failing`, STYLE.caption));
      out.push(...findingEvidence(ctx, f));
    }
  }
  if (r.answers.length === 0 && r.findings.length === 0) out.push(para('Evidence', STYLE.label), para('Raised by the consultant.'));
  if (r.recordedFacts.length > 0) out.push(para('Recorded elsewhere in the assessment', STYLE.label), ...r.recordedFacts.map((f) => para(f)));
  if (r.disagreements.length > 0) {
    out.push(para('Answer contradicted by the inventory', STYLE.label));
    out.push(...bullets(r.disagreements));
  }
  return out;
}

/** What to do: the recommendation, portal steps, command line, and Microsoft's side to verify. */
function riskRecommendation(r: RiskView): Block[] {
  const out: Block[] = [para('Recommendation', STYLE.label), para(r.recommendation.summary)];
  if (r.recommendation.portal.length > 0) {
    out.push(para('In the portal', STYLE.caption));
    out.push(...numbered(r.recommendation.portal));
  }
  if (r.recommendation.cli) {
    out.push(para('Command line', STYLE.caption));
    out.push(para(r.recommendation.cli, STYLE.code));
  }
  if (r.verification) out.push(para('Verify Microsoft’s side', STYLE.label), para(r.verification));
  return out;
}

/** Framework mappings, incident response playbooks and the history of a risk. */
function riskReferences(ctx: Ctx, r: RiskView): Block[] {
  const out: Block[] = [];
  if (r.mappings.length > 0) {
    out.push(para('Mappings', STYLE.label));
    out.push(...bullets(r.mappings.map((m) => `${m.framework}: ${m.ids.map((i) => (i.title ? `${i.id} (${i.title})` : i.id)).join('; ')}`)));
  }
  if (r.playbooks.length > 0) {
    const titles = new Map(ctx.model.irPlan.playbooks.map((p) => [p.id, p.title]));
    out.push(para('Incident response playbooks', STYLE.label), para(r.playbooks.map((id) => titles.get(id) ?? id).join('; ')));
  }
  if (r.history.length > 0) {
    out.push(para('History', STYLE.label));
    out.push(brandedTable(ctx, [2, 2, 6, 2], ['Date', 'Change', 'Detail', 'By'], r.history.map((h) => [h.at, h.action, h.detail, h.by])));
  }
  return out;
}

/** One risk's page: heading, facts, threat, owner, evidence, recommendation, references. */
function riskDetail(ctx: Ctx, r: RiskView): Block[] {
  const out: Block[] = [heading(3, `${r.id}  ${r.title}`, r.bookmark), riskFacts(ctx, r)];
  out.push(para('Threat scenario', STYLE.label), para(r.threat));
  out.push(para('Owner and justification', STYLE.label), para(r.ownerJustification));
  out.push(...riskEvidence(ctx, r), ...riskRecommendation(r), ...riskReferences(ctx, r));
  if (ctx.sections.includes('register-summary')) out.push(rich([link('Back to the register summary', REGISTER_BOOKMARK)], STYLE.small));
  return out;
}

export function riskDetails(ctx: Ctx, onRisk?: () => void): Block[] {
  const out: Block[] = [heading(1, 'Detailed risks')];
  const byCategory = new Map<string, RiskView[]>();
  for (const r of ctx.model.risks) byCategory.set(r.categoryLabel, [...(byCategory.get(r.categoryLabel) ?? []), r]);
  for (const [category, risks] of byCategory) {
    out.push(heading(2, category));
    for (const r of risks) {
      out.push(...riskDetail(ctx, r));
      onRisk?.();
    }
  }
  if (ctx.model.risks.length === 0) out.push(para('No risk was raised.'));
  return out;
}
