import { Paragraph } from 'docx';
import { bullets, heading, para, STYLE } from './primitives';
import { appendixLabel, templateText, brandedTable, levelCell, riskLink, type Block, type Ctx } from './context';
import { providerSources, sourcesInAppendix } from './provider-commitments';
import { PROGRAMME_DAYS } from '../model-builders/roadmap-plan';

// The appendices, lettered in the order the document prints them.

export function appendixRegister(ctx: Ctx): Block[] {
  const { model } = ctx;
  return [
    heading(1, `${appendixLabel(ctx, 'appendix-register')}. Full risk register`),
    para('Every risk with its ratings, owner and treatment. The header row repeats on each page; the register is also delivered as a spreadsheet (XLSX) and CSV.', STYLE.small),
    brandedTable(ctx,
      [1, 4, 1.8, 2, 1.2, 1.3, 0.5, 0.5, 1.4, 1.4, 1.4, 1.8, 1.5, 4.5],
      ['ID', 'Risk', 'Category', 'Area', 'Models', 'Owner', 'L', 'I', 'Inherent', 'Residual', 'Treatment', 'Action owner', 'Due', 'Recommendation'],
      model.risks.map((r) => [
        riskLink(ctx, r),
        r.title,
        r.categoryLabel,
        r.areaLabel,
        r.serviceModels,
        r.ownerLabel,
        String(r.inherent.likelihood),
        String(r.inherent.impact),
        levelCell(ctx, r.inherent.level, r.inherent.levelLabel),
        levelCell(ctx, r.residual.level, r.residual.levelLabel),
        r.treatment,
        r.actionOwner,
        r.dueDate,
        r.recommendation.summary,
      ]),
    ),
  ];
}

export function appendixScales(ctx: Ctx): Block[] {
  const rm = ctx.model.riskMatrix;
  // the methodology chapter prints the two scales already: the appendix does not repeat them
  const scales: Block[] = ctx.sections.includes('methodology')
    ? [para('The likelihood and impact scales and the grid that gives the level are in the risk methodology chapter.')]
    : [
        brandedTable(ctx, [1, 2, 6], ['Value', 'Likelihood', 'Description'], rm.likelihood.map((x) => [String(x.value), x.label, x.description])),
        new Paragraph({ children: [] }),
        brandedTable(ctx, [1, 2, 6], ['Value', 'Impact', 'Description'], rm.impact.map((x) => [String(x.value), x.label, x.description])),
        new Paragraph({ children: [] }),
      ];
  return [
    heading(1, `${appendixLabel(ctx, 'appendix-scales')}. Rating scales`),
    para(`${rm.title}. Source: ${rm.source}.`),
    ...scales,
    brandedTable(ctx, [2, 7], ['Level', 'Meaning for treatment'], [...ctx.model.levels].reverse().map((l, i) => [levelCell(ctx, l.id, l.label), TREATMENT_MEANING[i] ?? ''])),
  ];
}

/**
 * What each level means for treatment, top level first: the roadmap's own phasing rules
 * (`phaseOf` in model-builders/roadmap-plan.ts), so that the scale does not promise a deadline
 * the roadmap then misses (a High programme of work planned beyond 90 days).
 */
const TREATMENT_MEANING = [
  'Start within 30 days; executive visibility',
  `Start within 30 days when a quick win, else within 90 days; a programme of work over ${PROGRAMME_DAYS} person-days is planned beyond 90 days`,
  'Quick wins within 90 days; otherwise plan beyond 90 days or accept with justification',
  'Accept or treat opportunistically',
];

/**
 * The inventory snapshots. A snapshot's id is Demarc's own GUID: masked with the tenant's ids
 * it is a row of x's that identifies nothing, so a masked report leaves the column out (the
 * taken time and source tell the snapshots apart).
 */
function snapshotTable(ctx: Ctx): Block {
  const e = ctx.model.evidence;
  const row = (s: (typeof e.snapshots)[number]): string[] => [s.takenAt, s.file ? `${s.source}: ${s.file}` : s.source, String(s.rows), s.subscriptions];
  if (ctx.model.meta.masked) return brandedTable(ctx, [2.5, 3, 1, 4], ['Taken', 'Source', 'Rows', 'Subscriptions'], e.snapshots.map(row));
  return brandedTable(ctx, [2.5, 2.5, 2.5, 1, 3], ['Snapshot', 'Taken', 'Source', 'Rows', 'Subscriptions'], e.snapshots.map((s) => [s.id, ...row(s)]));
}

export function appendixEvidence(ctx: Ctx): Block[] {
  const e = ctx.model.evidence;
  const out: Block[] = [heading(1, `${appendixLabel(ctx, 'appendix-evidence')}. Technical evidence`), heading(2, 'Inventory snapshots')];
  out.push(
    e.snapshots.length > 0
      ? snapshotTable(ctx)
      : para('No inventory was collected; findings come from the interview only.'),
  );
  out.push(para(`Scope: ${e.scopeNote}`, STYLE.small));
  out.push(heading(2, 'Resource Graph queries used'));
  // below full depth the queries stay in the spreadsheet and the assessment, not the report
  if (ctx.model.depth !== 'full') {
    out.push(para(`${e.queries.length} Resource Graph ${e.queries.length === 1 ? 'query was' : 'queries were'} run against the inventory; their text is printed in the full technical edition of this report.`));
    return out;
  }
  for (const q of e.queries) {
    out.push(para(`${q.checkId} ${q.title} (table: ${q.table})`, STYLE.caption));
    out.push(para(q.query, STYLE.code));
  }
  if (e.queries.length === 0) out.push(para('No query was run.'));
  return out;
}

export function appendixGlossary(ctx: Ctx): Block[] {
  return [
    heading(1, `${appendixLabel(ctx, 'appendix-glossary')}. Glossary and references`),
    heading(2, 'Glossary'),
    ...templateText(ctx, 'glossary', 3),
    heading(2, 'References'),
    ...templateText(ctx, 'references', 3),
    ...bullets(ctx.model.references.map((r) => `${r.title}. ${r.source}`)),
    ...providerCommitmentSources(ctx),
  ];
}

/** The provider-commitments chapter's sources, when that chapter is printed and points here. */
function providerCommitmentSources(ctx: Ctx): Block[] {
  const sources = ctx.model.providerCommitments?.sources ?? [];
  if (!ctx.sections.includes('provider-commitments') || !ctx.model.providerCommitments || sources.length === 0 || !sourcesInAppendix(ctx)) return [];
  return [para('Provider commitments: sources', STYLE.caption), ...providerSources(sources)];
}

/**
 * Who signs the report's acceptance: the client's sponsor and the engagement partner by name
 * when the deliverable names them (as document control does), else the client and the assessor.
 */
function acceptanceSignatories(ctx: Ctx): string[][] {
  const { meta } = ctx.model;
  const client = meta.sponsor ? [meta.sponsor, `Client sponsor, ${meta.preparedFor}`] : [meta.preparedFor, 'Client sponsor'];
  const firm = meta.partner ? [meta.partner, 'Engagement partner'] : [meta.preparedBy, 'Assessor'];
  return [client, firm].map((r) => [...r, '', '']);
}

export function appendixSignOff(ctx: Ctx): Block[] {
  const { model } = ctx;
  const out: Block[] = [heading(1, `${appendixLabel(ctx, 'appendix-sign-off')}. Risk acceptance sign-off`), ...templateText(ctx, 'sign-off')];
  const rows = model.acceptedRisks.length > 0 ? model.acceptedRisks : model.risks.filter((r) => r.residual.level === model.levels[model.levels.length - 1]?.id);
  const unrated = rows.some((r) => !r.residualSet);
  out.push(para(model.acceptedRisks.length > 0 ? 'Risks accepted in this assessment:' : `No risk has been accepted yet. Risks whose residual rating stays at the top level need either treatment or a signed acceptance${unrated ? ' (a risk with no agreed target yet is shown at its current rating, marked “current”)' : ''}:`));
  out.push(
    brandedTable(ctx,
      [1.2, 5, 1.6, 2.4, 2, 2],
      ['ID', 'Risk', 'Residual', 'Accepted by / until', 'Signature', 'Date'],
      rows.map((r) => [riskLink(ctx, r), r.title, levelCell(ctx, r.residual.level, r.residualSet ? r.residual.levelLabel : `${r.residual.levelLabel} (current)`), r.acceptance ? `${r.acceptance.acceptedBy} / ${r.acceptance.expires}` : '', '', '']),
    ),
  );
  out.push(heading(2, 'Acceptance of this report'));
  out.push(brandedTable(ctx, [3, 3, 3, 2], ['Name', 'Role', 'Signature', 'Date'], acceptanceSignatories(ctx)));
  return out;
}

