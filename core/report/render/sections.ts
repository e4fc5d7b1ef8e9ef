import { AlignmentType, ImageRun, Paragraph, Table, type TableOfContents, TableCell, TableRow, WidthType, ShadingType, TableLayoutType, BorderStyle, PageBreak } from 'docx';
import type { ReportModel, RiskView } from '../model';
import type { ReportTemplate } from '../template';
import { bullets, heading, heatCell, keyValues, link, markdown, numbered, para, rich, runs, STYLE, table, type CellContent } from './primitives';

export type Block = Paragraph | Table | TableOfContents;

/** What every section renderer gets. */
export interface Ctx {
  model: ReportModel;
  template: ReportTemplate;
  /** usable text width of the section (twips) */
  width: number;
  /** the IR plan is a separate document (the report only refers to it) */
  irSeparate: boolean;
  /** risk ids link to their details (false when the details are not in this document) */
  riskLinks: boolean;
}

const c = (ctx: Ctx) => ctx.template.manifest.branding.colours;
const block = (ctx: Ctx, id: string, level: 2 | 3 = 2): Paragraph[] => {
  const b = ctx.template.blocks.get(id);
  return b ? markdown(b.blocks, ctx.model.placeholders, level) : [];
};
const t = (ctx: Ctx, widths: number[], header: string[] | undefined, rows: CellContent[][], repeatHeader = true): Table =>
  table({ widths: fit(widths, ctx.width), ...(header ? { header } : {}), rows, headerFill: c(ctx).tableHeader, headerText: c(ctx).tableHeaderText, band: c(ctx).tableBand, repeatHeader });

/** Scales relative widths to the text width. */
function fit(weights: number[], width: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.floor((w / sum) * width));
  out[out.length - 1]! += width - out.reduce((s, w) => s + w, 0);
  return out;
}

/** Level colours, darkest for the top level; readable in greyscale (distinct lightness) with a code in each cell. */
export function levelStyle(model: ReportModel, levelId: string): { fill: string; dark: boolean; code: string } {
  const ranked = [...model.levels].sort((a, b) => b.order - a.order);
  const i = ranked.findIndex((l) => l.id === levelId);
  const fills = ['9C1C1C', 'E8862E', 'F9D67A', 'EAF4E4', 'FFFFFF'];
  const label = ranked[i]?.label ?? levelId;
  const code = label
    .split(/\s+/)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
  return { fill: fills[Math.max(0, Math.min(i, fills.length - 1))] ?? 'FFFFFF', dark: i === 0, code };
}

const levelCell = (model: ReportModel, levelId: string, label: string): CellContent => {
  const s = levelStyle(model, levelId);
  return { text: label, shade: s.fill, ...(s.dark ? { color: 'FFFFFF' } : {}), bold: s.dark };
};
/** A risk id, linked to its details when they are in this document. */
const riskLink = (ctx: Ctx, r: RiskView): CellContent => (ctx.riskLinks ? { text: r.id, link: r.bookmark } : r.id);

// ---------------------------------------------------------------- cover & front matter

export function cover(ctx: Ctx): Block[] {
  const { meta } = ctx.model;
  const out: Block[] = [];
  const logo = ctx.template.logo;
  if (logo) {
    const maxW = 220;
    const scale = Math.min(1, maxW / logo.width, 90 / logo.height);
    out.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: logo.type,
            data: logo.bytes,
            transformation: { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) },
            altText: { name: 'Logo', description: `${meta.firmName} logo`, title: meta.firmName },
          }),
        ],
      }),
    );
  }
  out.push(para(meta.classification, STYLE.classification));
  out.push(new Paragraph({ style: STYLE.title, spacing: { before: 2400 }, children: runs(meta.title) }));
  out.push(para(meta.client, STYLE.subtitle));
  out.push(para(meta.engagement, STYLE.coverMeta));
  out.push(
    keyValues(
      [
        ['Prepared for', meta.preparedFor],
        ['Prepared by', meta.preparedBy],
        ...(meta.engagementId ? ([['Engagement reference', meta.engagementId]] as [string, string][]) : []),
        ...(meta.engagementDates ? ([['Engagement dates', meta.engagementDates]] as [string, string][]) : []),
        ['Version', meta.version],
        ['Date', meta.date],
        ['Classification', meta.classification],
      ],
      Math.round(ctx.width * 0.7),
      'F2F2F2',
    ),
  );
  out.push(para(meta.classificationNotice, STYLE.small));
  if (meta.masked) out.push(para("Tenant and subscription identifiers and users' names are masked in this document.", STYLE.small));
  return out;
}

export function documentControl(ctx: Ctx): Block[] {
  const dc = ctx.model.documentControl;
  return [
    heading(1, 'Document control'),
    heading(2, 'Version history'),
    t(ctx, [1, 2, 3, 5], ['Version', 'Date', 'Author', 'Change'], dc.versions.map((v) => [v.version, v.date, v.author, v.change])),
    heading(2, 'Reviewers'),
    t(ctx, [3, 3, 2, 2], ['Name', 'Role', 'Date', 'Signature'], dc.reviewers.map((r) => [r.name, r.role, '', ''])),
    heading(2, 'Distribution'),
    dc.distribution.length > 0
      ? t(ctx, [3, 3, 3], ['Name', 'Organisation', 'Role'], dc.distribution.map((d) => [d.name, d.organisation, d.role]))
      : para('Distribution is limited to the named client sponsor and the assessment team.'),
  ];
}

export function disclaimer(ctx: Ctx): Block[] {
  return [heading(1, 'Disclaimer and limitations'), heading(2, 'Disclaimer'), ...block(ctx, 'disclaimer', 3), heading(2, 'Limitations'), ...block(ctx, 'limitations', 3)];
}

// ---------------------------------------------------------------- executive summary

function heatMapTable(ctx: Ctx): Table {
  const { model } = ctx;
  const labelW = 1800;
  const gap = 240;
  const cellW = Math.floor((ctx.width - labelW - gap) / 10);
  const widths = [labelW, ...Array(5).fill(cellW), gap, ...Array(5).fill(cellW)];
  const total = widths.reduce((s, w) => s + w, 0);
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  const hdr = (text: string, span = 1, w = cellW): TableCell =>
    new TableCell({ columnSpan: span, width: { size: w * span, type: WidthType.DXA }, children: [new Paragraph({ style: STYLE.tableHeading, alignment: AlignmentType.CENTER, children: runs(text) })], shading: { type: ShadingType.CLEAR, fill: c(ctx).tableHeader, color: 'auto' } });
  const blank = (w: number): TableCell => new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph({ style: STYLE.tableText, children: [] })] });
  const rows: TableRow[] = [
    new TableRow({ tableHeader: true, children: [blank(labelW), hdr('Inherent', 5), blank(gap), hdr('Residual', 5)] }),
  ];
  for (let l = 5; l >= 1; l--) {
    const label = model.riskMatrix.likelihood.find((x) => x.value === l)?.label ?? String(l);
    const cells: TableCell[] = [new TableCell({ width: { size: labelW, type: WidthType.DXA }, children: [para(`${l} ${label}`, STYLE.tableText)] })];
    for (const which of ['inherent', 'residual'] as const) {
      if (which === 'residual') cells.push(blank(gap));
      for (let i = 1; i <= 5; i++) {
        const s = levelStyle(model, model.riskMatrix.grid[l - 1]?.[i - 1] ?? '');
        cells.push(heatCell(model.heatmaps[which].counts[l - 1]?.[i - 1] ?? 0, s.code, s.fill, s.dark, cellW));
      }
    }
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  const impactRow: TableCell[] = [new TableCell({ width: { size: labelW, type: WidthType.DXA }, children: [para('Likelihood ↑  Impact →', STYLE.small)] })];
  for (const which of [0, 1]) {
    if (which === 1) impactRow.push(blank(gap));
    for (let i = 1; i <= 5; i++) impactRow.push(new TableCell({ width: { size: cellW, type: WidthType.DXA }, children: [new Paragraph({ style: STYLE.small, alignment: AlignmentType.CENTER, children: runs(String(i)) })] }));
  }
  rows.push(new TableRow({ children: impactRow }));
  return new Table({ width: { size: total, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: 'FFFFFF' }, insideVertical: { style: BorderStyle.SINGLE, size: 4, color: 'FFFFFF' } }, rows });
}

function legend(ctx: Ctx): Paragraph {
  const parts = [...ctx.model.levels].reverse().map((l) => `${levelStyle(ctx.model, l.id).code} = ${l.label}`);
  const impact = ctx.model.riskMatrix.impact.map((x) => `${x.value} ${x.label}`).join(', ');
  return para(`Impact: ${impact}. Cells show the number of risks; the letters give the level (${parts.join(', ')}), so the map reads without colour.`, STYLE.caption);
}

export function executiveSummary(ctx: Ctx): Block[] {
  const { model } = ctx;
  const p = model.posture;
  const rsp = model.responsibility;
  const out: Block[] = [heading(1, 'Executive summary'), ...block(ctx, 'executive-summary')];
  out.push(heading(2, 'Overall posture'));
  out.push(rich([{ text: `Posture: ${p.rating}. `, bold: true }, p.statement]));
  out.push(t(ctx, [3, 2, 2], ['Level', 'Inherent', 'Residual'], [...p.byLevel].reverse().map((b) => [levelCell(model, b.level.id, b.level.label), String(b.inherent), String(b.residual)])));
  if (p.domainScores.length > 0) {
    out.push(para('Interview results by domain (0–100, mean score of the answered questions):', STYLE.caption));
    out.push(t(ctx, [5, 2, 2], ['Domain', 'Answered', 'Score'], p.domainScores.map((d) => [d.title, `${d.answered} of ${d.total}`, d.score === null ? '—' : String(d.score)])));
  }
  out.push(heading(2, 'Inherent and residual risk'));
  out.push(heatMapTable(ctx));
  out.push(legend(ctx));
  if (p.residualUnset > 0) out.push(para(`${p.residualUnset} risk(s) have no residual rating yet; they are shown at their inherent rating until treatment is agreed.`, STYLE.small));
  out.push(heading(2, 'Top risks'));
  out.push(
    t(
      ctx,
      [1.2, 6, 1.6, 1.6, 1.6],
      ['ID', 'Risk', 'Owner', 'Inherent', 'Residual'],
      model.topRisks.map((r) => [riskLink(ctx, r), r.title, r.ownerLabel, levelCell(model, r.inherent.level, r.inherent.levelLabel), levelCell(model, r.residual.level, r.residual.levelLabel)]),
    ),
  );
  out.push(heading(2, 'Who owns what'));
  out.push(
    para(
      `Of ${model.risks.length} risks, ${rsp.counts.customer} are the customer’s, ${rsp.counts.shared} are shared and ${rsp.counts.microsoft} are Microsoft’s${rsp.counts.unknown > 0 ? `; ${rsp.counts.unknown} could not be assigned from the matrix` : ''}. The client must act on ${rsp.customerMustOwn.length}: the customer’s own and its half of every shared one. For Microsoft’s, the client’s action is to verify Microsoft’s assurance reports and commitments.`,
    ),
  );
  out.push(t(ctx, [4, 1.5, 1.5, 1.5], ['Category', 'Customer', 'Shared', 'Microsoft'], rsp.byCategory.map((b) => [b.category, String(b.customer), String(b.shared), String(b.microsoft)])));
  out.push(heading(2, '30/60/90-day priorities'));
  for (const h of ['30', '60', '90'] as const) {
    const items = model.priorities[h];
    out.push(para(h === '30' ? 'First 30 days' : h === '60' ? 'Days 31–60' : 'Days 61–90', STYLE.label));
    if (items.length === 0) out.push(para('Nothing scheduled.'));
    else out.push(...bullets(items.slice(0, 8).map((r) => [...(ctx.riskLinks ? [link(r.id, r.bookmark)] : runs(r.id)), ...runs(` ${r.title} — ${r.recommendation.summary}`)])));
    if (items.length > 8) out.push(para(`…and ${items.length - 8} more in the remediation roadmap.`, STYLE.small));
  }
  return out;
}

// ---------------------------------------------------------------- scope, methodology, environment

export function scopeApproach(ctx: Ctx): Block[] {
  const s = ctx.model.scope;
  return [
    heading(1, 'Scope and approach'),
    ...block(ctx, 'scope-approach'),
    heading(2, 'Scope'),
    keyValues(
      [
        ['Service models', s.serviceModels.join(', ')],
        ['Microsoft 365', s.m365],
        ['Other clouds', s.otherClouds],
        ['Regulated data', s.regulated],
        ['Business criticality', s.criticality],
        ['Azure subscriptions', s.subscriptions.length > 0 ? s.subscriptions.join('\n') : 'None collected'],
        ['Inventory snapshot', s.snapshotTime],
        ['Interview', `${s.questionsAnswered} of ${s.questionsVisible} applicable questions answered across ${s.domains.length} domains`],
        ['Content pack', `${s.packTitle} ${s.packVersion}`],
        ...(s.engagementDates ? ([['Engagement dates', s.engagementDates]] as [string, string][]) : []),
        ...(s.notes ? ([['Scope notes', s.notes]] as [string, string][]) : []),
      ],
      ctx.width,
      'F2F2F2',
    ),
    ...(s.attendees.length > 0
      ? [heading(2, 'Workshop attendees'), t(ctx, [1, 1], ['Name', 'Role'], s.attendees.map((x) => [x.name, x.role]))]
      : []),
  ];
}

export function methodology(ctx: Ctx): Block[] {
  const rm = ctx.model.riskMatrix;
  const { model } = ctx;
  const gridRows: CellContent[][] = [];
  for (let l = 5; l >= 1; l--) {
    gridRows.push([
      `${l} ${rm.likelihood[l - 1]?.label ?? ''}`,
      ...[1, 2, 3, 4, 5].map((i) => {
        const id = rm.grid[l - 1]?.[i - 1] ?? '';
        return levelCell(model, id, model.levels.find((x) => x.id === id)?.label ?? id);
      }),
    ]);
  }
  return [
    heading(1, 'Risk methodology'),
    ...block(ctx, 'methodology'),
    heading(2, 'Likelihood scale'),
    t(ctx, [1, 2, 6], ['Value', 'Likelihood', 'Description'], rm.likelihood.map((x) => [String(x.value), x.label, x.description])),
    heading(2, 'Impact scale'),
    t(ctx, [1, 2, 6], ['Value', 'Impact', 'Description'], rm.impact.map((x) => [String(x.value), x.label, x.description])),
    heading(2, 'Risk level grid'),
    para(`${rm.title}. Source: ${rm.source}. The level is looked up in this grid, not calculated by multiplication.`),
    t(ctx, [2.4, 1.5, 1.5, 1.5, 1.5, 1.5], ['Likelihood \\ Impact', ...rm.impact.map((x) => `${x.value} ${x.label}`)], gridRows),
  ];
}

export function environment(ctx: Ctx): Block[] {
  const e = ctx.model.environment;
  const out: Block[] = [heading(1, 'Environment overview'), ...block(ctx, 'environment')];
  out.push(
    keyValues(
      [
        ['Resources', String(e.resourceCount)],
        ['Subscriptions', String(e.subscriptionCount)],
        ['Resource groups', String(e.resourceGroupCount)],
        ['Check results', `${e.findingTotals.fail} failing, ${e.findingTotals.pass} passing, ${e.findingTotals.notApplicable} not applicable`],
      ],
      ctx.width,
      'F2F2F2',
    ),
  );
  out.push(heading(2, 'Resources by service model'));
  out.push(t(ctx, [4, 2], ['Service model', 'Resources'], e.byModel.map((m) => [m.model, String(m.count)])));
  out.push(heading(2, 'Resources by type'));
  const types = e.byType.slice(0, 40);
  out.push(t(ctx, [6, 2, 1.5], ['Resource type', 'Service model', 'Count'], types.map((x) => [x.type, x.model, String(x.count)])));
  if (e.byType.length > types.length) out.push(para(`${e.byType.length - types.length} further types with fewer resources are omitted.`, STYLE.small));
  out.push(heading(2, 'Resources by region'));
  out.push(t(ctx, [4, 2], ['Region', 'Resources'], e.byRegion.slice(0, 30).map((x) => [x.region, String(x.count)])));
  out.push(heading(2, 'Exposure summary'));
  if (e.exposure.length === 0) out.push(para('No check failed on the collected inventory.'));
  else out.push(t(ctx, [1.2, 5, 1.3, 1.2, 4], ['Check', 'Finding', 'Severity', 'Failing', 'Examples'], e.exposure.slice(0, 30).map((x) => [x.checkId, x.title, x.severity, String(x.failing), x.examples])));
  return out;
}

// ---------------------------------------------------------------- shared responsibility

export function sharedResponsibility(ctx: Ctx): Block[] {
  const s = ctx.model.sharedResponsibility;
  const out: Block[] = [heading(1, 'Shared responsibility analysis'), ...block(ctx, 'shared-responsibility')];
  out.push(heading(2, 'The matrix used'));
  out.push(para(`${s.matrix.title}, version ${s.matrix.version}. Source: ${s.matrix.source}.`));
  const w = [3, ...s.matrix.columns.map(() => 1.4)];
  const ownerCell = (o: string): CellContent => ({ text: o, ...(o === 'Shared' ? { shade: 'FFF2CC' } : o === 'Customer' ? { shade: 'DDEBF7' } : {}) });
  out.push(t(ctx, w, ['Responsibility', ...s.matrix.columns], s.matrix.rows.map((r) => [r.label, ...r.owners.map(ownerCell)])));
  if (s.otherMatrix && s.disagreements.length > 0) {
    out.push(heading(2, 'Where Microsoft’s own sources disagree'));
    out.push(para(`The ${s.otherMatrix.title} (version ${s.otherMatrix.version}; ${s.otherMatrix.source}) assigns some cells differently. Where the two disagree, plan as if the responsibility is yours until Microsoft confirms otherwise in writing.`));
    out.push(t(ctx, [3, 1.2, 2, 2], ['Responsibility', 'Model', `${s.matrix.id} (used)`, s.otherMatrix.id], s.disagreements.map((d) => [d.area, d.model, d.used, d.other])));
  }
  out.push(heading(2, 'This client’s risks on the matrix'));
  out.push(para('Each cell lists the risks raised in that responsibility area for that service model; the owner in the cell is the matrix owner.'));
  const rows = s.clientRisks.filter((r) => r.cells.some((x) => x.riskIds.length > 0));
  out.push(
    t(
      ctx,
      [3, ...s.models.map(() => 3)],
      ['Responsibility', ...s.models],
      rows.map((r) => [r.area, ...r.cells.map((x): CellContent => `${x.owner}${x.riskIds.length > 0 ? `: ${x.riskIds.join(', ')}` : ''}`)]),
    ),
  );
  out.push(heading(2, 'Grey areas: what the client may assume Microsoft does'));
  out.push(
    t(
      ctx,
      [3, 5, 3, 1.6],
      ['Common assumption', 'What is true', 'What the client must do', 'Risks'],
      s.greyAreas.map((g) => [g.assumption, g.reality, g.clientAction, g.riskIds.length > 0 ? g.riskIds.join(', ') : 'None raised']),
    ),
  );
  return out;
}

// ---------------------------------------------------------------- register, details, roadmap

export const REGISTER_BOOKMARK = 'register_summary';

export function registerSummary(ctx: Ctx): Block[] {
  const { model } = ctx;
  return [
    heading(1, 'Risk register summary', REGISTER_BOOKMARK),
    ...block(ctx, 'register'),
    model.risks.length === 0
      ? para('No risk was raised.')
      : t(
          ctx,
          [1.2, 6, 1.6, 1.6, 1.6, 1.6],
          ['ID', 'Risk', 'Owner', 'Inherent', 'Residual', 'Horizon'],
          model.risks.map((r) => [riskLink(ctx, r), r.title, r.ownerLabel, levelCell(model, r.inherent.level, r.inherent.levelLabel), levelCell(model, r.residual.level, r.residual.levelLabel), r.horizon === 'later' ? '> 90 days' : `${r.horizon} days`]),
        ),
  ];
}

function riskDetail(ctx: Ctx, r: RiskView): Block[] {
  const { model } = ctx;
  const out: Block[] = [heading(3, `${r.id}  ${r.title}`, r.bookmark)];
  out.push(
    keyValues(
      [
        ['Category / area', `${r.categoryLabel} / ${r.areaLabel}`],
        ['Service models', r.serviceModels],
        ['Owner', `${r.ownerLabel}${r.action === 'verify' ? ' (client action: verify)' : ''}`],
        ['Inherent rating', levelCell(model, r.inherent.level, `${r.inherent.levelLabel} (likelihood ${r.inherent.likelihood} × impact ${r.inherent.impact})`)],
        ['Residual rating', levelCell(model, r.residual.level, `${r.residual.levelLabel} (likelihood ${r.residual.likelihood} × impact ${r.residual.impact})${r.residualSet ? '' : ' — not yet set'}`)],
        ['Treatment', r.acceptance ? `${r.treatment}: accepted by ${r.acceptance.acceptedBy} until ${r.acceptance.expires}${r.acceptance.reason ? ` (${r.acceptance.reason})` : ''}` : r.treatment],
        ['Action owner / due', `${r.actionOwner} / ${r.dueDate}`],
        ['Effort / user impact', `${r.effort} / ${r.userImpact}`],
      ],
      ctx.width,
      'F2F2F2',
    ),
  );
  out.push(para('Threat scenario', STYLE.label), para(r.threat));
  out.push(para('Owner and justification', STYLE.label), para(r.ownerJustification));
  if (r.answers.length > 0) {
    out.push(para('Evidence from the interview', STYLE.label));
    out.push(t(ctx, [1.3, 5, 4, 1.6], ['Question', 'Asked', 'Answer', 'Result'], r.answers.map((a) => [a.questionId, a.question, a.note ? `${a.answer}\nNote: ${a.note}` : a.answer, a.result])));
  }
  if (r.findings.length > 0) {
    out.push(para(`Evidence from the inventory (${r.affectedResourceCount} resource${r.affectedResourceCount === 1 ? '' : 's'})`, STYLE.label));
    for (const f of r.findings) {
      out.push(para(`${f.checkId} ${f.checkTitle} — severity ${f.severity}, ${f.total} failing`, STYLE.caption));
      out.push(t(ctx, [3, 3, 2, 5], ['Resource', 'Type / subscription', 'Resource group', 'Property values seen'], f.resources.map((x) => [x.name, `${x.type}\n${x.subscription}`, x.resourceGroup, x.evidence])));
      if (f.total > f.resources.length) out.push(para(`${f.total - f.resources.length} more resources fail this check (all are listed in the assessment and in its findings export).`, STYLE.small));
    }
  }
  if (r.answers.length === 0 && r.findings.length === 0) out.push(para('Evidence', STYLE.label), para('Raised by the consultant.'));
  if (r.disagreements.length > 0) {
    out.push(para('Answer contradicted by the inventory', STYLE.label));
    out.push(...bullets(r.disagreements));
  }
  out.push(para('Recommendation', STYLE.label), para(r.recommendation.summary));
  if (r.recommendation.portal.length > 0) {
    out.push(para('In the portal', STYLE.caption));
    out.push(...numbered(r.recommendation.portal));
  }
  if (r.recommendation.cli) {
    out.push(para('Command line', STYLE.caption));
    out.push(para(r.recommendation.cli, STYLE.code));
  }
  if (r.verification) out.push(para('Verify Microsoft’s side', STYLE.label), para(r.verification));
  if (r.mappings.length > 0) {
    out.push(para('Mappings', STYLE.label));
    out.push(...bullets(r.mappings.map((m) => `${m.framework}: ${m.ids.map((i) => (i.title ? `${i.id} (${i.title})` : i.id)).join('; ')}`)));
  }
  if (r.playbooks.length > 0) {
    const titles = new Map(model.irPlan.playbooks.map((p) => [p.id, p.title]));
    out.push(para('Incident response playbooks', STYLE.label), para(r.playbooks.map((id) => titles.get(id) ?? id).join('; ')));
  }
  if (r.history.length > 0) {
    out.push(para('History', STYLE.label));
    out.push(t(ctx, [2, 2, 6, 2], ['Date', 'Change', 'Detail', 'By'], r.history.map((h) => [h.at, h.action, h.detail, h.by])));
  }
  if (ctx.template.sections.includes('register-summary')) out.push(rich([link('Back to the register summary', REGISTER_BOOKMARK)], STYLE.small));
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

export function roadmap(ctx: Ctx): Block[] {
  const { model } = ctx;
  const out: Block[] = [heading(1, 'Remediation roadmap'), ...block(ctx, 'roadmap')];
  for (const h of model.roadmap) {
    out.push(heading(2, h.label));
    if (h.items.length === 0) {
      out.push(para('Nothing scheduled in this horizon.'));
      continue;
    }
    out.push(
      t(
        ctx,
        [1.2, 5, 5, 1.6, 1.2, 2],
        ['ID', 'Risk', 'Action', 'Residual', 'Effort', 'Action owner'],
        h.items.map((r) => [riskLink(ctx, r), r.title, r.action === 'verify' ? `Verify: ${r.recommendation.summary}` : r.recommendation.summary, levelCell(model, r.residual.level, r.residual.levelLabel), r.effort, r.actionOwner]),
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------- appendices

export function appendixRegister(ctx: Ctx): Block[] {
  const { model } = ctx;
  return [
    heading(1, 'Appendix A. Full risk register'),
    para('Every risk with its ratings, owner and treatment. The header row repeats on each page; the register is also delivered as a spreadsheet (XLSX) and CSV.', STYLE.small),
    t(
      ctx,
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
        levelCell(model, r.inherent.level, r.inherent.levelLabel),
        levelCell(model, r.residual.level, r.residual.levelLabel),
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
  return [
    heading(1, 'Appendix B. Rating scales'),
    para(`${rm.title}. Source: ${rm.source}.`),
    t(ctx, [1, 2, 6], ['Value', 'Likelihood', 'Description'], rm.likelihood.map((x) => [String(x.value), x.label, x.description])),
    new Paragraph({ children: [] }),
    t(ctx, [1, 2, 6], ['Value', 'Impact', 'Description'], rm.impact.map((x) => [String(x.value), x.label, x.description])),
    new Paragraph({ children: [] }),
    t(ctx, [2, 2, 5], ['Level', 'Order', 'Meaning for treatment'], [...ctx.model.levels].reverse().map((l, i) => [levelCell(ctx.model, l.id, l.label), String(l.order), ['Treat within 30 days; executive visibility', 'Treat within 60–90 days', 'Treat within the year or accept with justification', 'Accept or treat opportunistically'][i] ?? ''])),
  ];
}

export function appendixInterviewLog(ctx: Ctx): Block[] {
  const out: Block[] = [heading(1, 'Appendix C. Interview log')];
  for (const d of ctx.model.interviewLog) {
    out.push(heading(2, d.domain));
    out.push(t(ctx, [1.4, 5, 4, 1.6], ['Question', 'Asked', 'Answer and notes', 'Result'], d.rows.map((r) => [r.questionId, r.question, r.note ? `${r.answer}\nNote: ${r.note}` : r.answer, r.result])));
  }
  if (ctx.model.interviewLog.length === 0) out.push(para('No interview answers were recorded.'));
  return out;
}

export function appendixEvidence(ctx: Ctx): Block[] {
  const e = ctx.model.evidence;
  const out: Block[] = [heading(1, 'Appendix D. Technical evidence'), heading(2, 'Inventory snapshots')];
  out.push(
    e.snapshots.length > 0
      ? t(ctx, [2.5, 2.5, 2.5, 1, 3], ['Snapshot', 'Taken', 'Source', 'Rows', 'Subscriptions'], e.snapshots.map((s) => [s.id, s.takenAt, s.file ? `${s.source}: ${s.file}` : s.source, String(s.rows), s.subscriptions]))
      : para('No inventory was collected; findings come from the interview only.'),
  );
  out.push(para(`Scope: ${e.scopeNote}`, STYLE.small));
  out.push(heading(2, 'Resource Graph queries used'));
  for (const q of e.queries) {
    out.push(para(`${q.checkId} ${q.title} (table: ${q.table})`, STYLE.caption));
    out.push(para(q.query, STYLE.code));
  }
  if (e.queries.length === 0) out.push(para('No query was run.'));
  return out;
}

export function appendixGlossary(ctx: Ctx): Block[] {
  return [
    heading(1, 'Appendix E. Glossary and references'),
    heading(2, 'Glossary'),
    ...block(ctx, 'glossary', 3),
    heading(2, 'References'),
    ...block(ctx, 'references', 3),
    ...bullets(ctx.model.references.map((r) => `${r.title}. ${r.source}`)),
  ];
}

export function appendixSignOff(ctx: Ctx): Block[] {
  const { model } = ctx;
  const out: Block[] = [heading(1, 'Appendix F. Risk acceptance sign-off'), ...block(ctx, 'sign-off')];
  const rows = model.acceptedRisks.length > 0 ? model.acceptedRisks : model.risks.filter((r) => r.residual.level === model.levels[model.levels.length - 1]?.id);
  out.push(para(model.acceptedRisks.length > 0 ? 'Risks accepted in this assessment:' : 'No risk has been accepted yet. Risks whose residual rating stays at the top level need either treatment or a signed acceptance:'));
  out.push(
    t(
      ctx,
      [1.2, 5, 1.6, 2.4, 2, 2],
      ['ID', 'Risk', 'Residual', 'Accepted by / until', 'Signature', 'Date'],
      rows.map((r) => [riskLink(ctx, r), r.title, levelCell(model, r.residual.level, r.residual.levelLabel), r.acceptance ? `${r.acceptance.acceptedBy} / ${r.acceptance.expires}` : '', '', '']),
    ),
  );
  out.push(heading(2, 'Acceptance of this report'));
  out.push(t(ctx, [3, 3, 3, 2], ['Name', 'Role', 'Signature', 'Date'], [[model.meta.preparedFor, 'Client sponsor', '', ''], [model.meta.preparedBy, 'Assessor', '', '']]));
  return out;
}

export { PageBreak };
