import { AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType, ShadingType, TableLayoutType, BorderStyle } from 'docx';
import { bullets, heading, heatCell, link, para, rich, runs, STYLE } from './primitives';
import { brandColours, themeOf, templateText, brandedTable, levelCell, themedLevel, riskLink, type Block, type Ctx } from './context';

// The executive summary: posture, heat maps, top risks, ownership, priorities.

function heatMapTable(ctx: Ctx): Table {
  const { model } = ctx;
  const labelW = 1800;
  const gap = 240;
  const cellW = Math.floor((ctx.width - labelW - gap) / 10);
  const widths = [labelW, ...Array(5).fill(cellW), gap, ...Array(5).fill(cellW)];
  const total = widths.reduce((s, w) => s + w, 0);
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  const hdr = (text: string, span = 1, w = cellW): TableCell =>
    new TableCell({ columnSpan: span, width: { size: w * span, type: WidthType.DXA }, children: [new Paragraph({ style: STYLE.tableHeading, alignment: AlignmentType.CENTER, children: runs(text) })], shading: { type: ShadingType.CLEAR, fill: brandColours(ctx).tableHeader, color: 'auto' } });
  const blank = (w: number): TableCell => new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph({ style: STYLE.tableText, children: [] })] });
  const rows: TableRow[] = [
    new TableRow({ tableHeader: true, cantSplit: true, children: [blank(labelW), hdr('Inherent', 5), blank(gap), hdr('Residual', 5)] }),
  ];
  for (let l = 5; l >= 1; l--) {
    const label = model.riskMatrix.likelihood.find((x) => x.value === l)?.label ?? String(l);
    const cells: TableCell[] = [new TableCell({ width: { size: labelW, type: WidthType.DXA }, children: [para(`${l} ${label}`, STYLE.tableText)] })];
    for (const which of ['inherent', 'residual'] as const) {
      if (which === 'residual') cells.push(blank(gap));
      for (let i = 1; i <= 5; i++) {
        const s = themedLevel(ctx, model.riskMatrix.grid[l - 1]?.[i - 1] ?? '');
        cells.push(heatCell(model.heatmaps[which].counts[l - 1]?.[i - 1] ?? 0, s.code, s.fill, s.dark ? themeOf(ctx).levelText : undefined, cellW));
      }
    }
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  const impactRow: TableCell[] = [new TableCell({ width: { size: labelW, type: WidthType.DXA }, children: [para('Likelihood ↑  Impact →', STYLE.small)] })];
  for (const which of [0, 1]) {
    if (which === 1) impactRow.push(blank(gap));
    for (let i = 1; i <= 5; i++) impactRow.push(new TableCell({ width: { size: cellW, type: WidthType.DXA }, children: [new Paragraph({ style: STYLE.small, alignment: AlignmentType.CENTER, children: runs(String(i)) })] }));
  }
  rows.push(new TableRow({ cantSplit: true, children: impactRow }));
  const rule = { style: BorderStyle.SINGLE, size: 4, color: themeOf(ctx).heatMapRule } as const;
  return new Table({ width: { size: total, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: rule, insideVertical: rule }, rows });
}

function legend(ctx: Ctx): Paragraph {
  const parts = [...ctx.model.levels].reverse().map((l) => `${themedLevel(ctx, l.id).code} = ${l.label}`);
  const impact = ctx.model.riskMatrix.impact.map((x) => `${x.value} ${x.label}`).join(', ');
  return para(`Impact: ${impact}. Cells show the number of risks; the letters give the level (${parts.join(', ')}), so the map reads without colour.`, STYLE.caption);
}

/** Overall posture: the rating, risks per level, interview scores by domain. */
function postureBlocks(ctx: Ctx): Block[] {
  const p = ctx.model.posture;
  const out: Block[] = [heading(2, 'Overall posture')];
  out.push(rich([{ text: `Posture: ${p.rating}. `, bold: true }, p.statement]));
  out.push(brandedTable(ctx, [3, 2, 2], ['Level', 'Inherent', 'Residual'], [...p.byLevel].reverse().map((b) => [levelCell(ctx, b.level.id, b.level.label), String(b.inherent), String(b.residual)])));
  if (p.domainScores.length > 0) {
    out.push(para('Interview results by domain (0–100, mean score of the answered questions):', STYLE.caption));
    out.push(brandedTable(ctx, [5, 2, 2], ['Domain', 'Answered', 'Score'], p.domainScores.map((d) => [d.title, `${d.answered} of ${d.total}`, d.score === null ? '—' : String(d.score)])));
  }
  return out;
}

/** The inherent and residual heat maps with their legend. */
function heatMapBlocks(ctx: Ctx): Block[] {
  const unset = ctx.model.posture.residualUnset;
  const out: Block[] = [heading(2, 'Inherent and residual risk'), heatMapTable(ctx), legend(ctx)];
  if (unset > 0) out.push(para(`${unset} risk(s) have no residual rating yet; they are shown at their inherent rating until treatment is agreed.`, STYLE.small));
  return out;
}

function topRisksBlocks(ctx: Ctx): Block[] {
  const rows = ctx.model.topRisks.map((r) => [riskLink(ctx, r), r.title, r.ownerLabel, levelCell(ctx, r.inherent.level, r.inherent.levelLabel), levelCell(ctx, r.residual.level, r.residual.levelLabel)]);
  return [heading(2, 'Top risks'), brandedTable(ctx, [1.2, 6, 1.6, 1.6, 1.6], ['ID', 'Risk', 'Owner', 'Inherent', 'Residual'], rows)];
}

/** Who owns what: counts per owner and per category. */
function ownershipBlocks(ctx: Ctx): Block[] {
  const { model } = ctx;
  const rsp = model.responsibility;
  return [
    heading(2, 'Who owns what'),
    para(
      `Of ${model.risks.length} risks, ${rsp.counts.customer} are the customer’s, ${rsp.counts.shared} are shared and ${rsp.counts.microsoft} are Microsoft’s${rsp.counts.unknown > 0 ? `; ${rsp.counts.unknown} could not be assigned from the matrix` : ''}. The client must act on ${rsp.customerMustOwn.length}: the customer’s own and its half of every shared one. For Microsoft’s, the client’s action is to verify Microsoft’s assurance reports and commitments.`,
    ),
    brandedTable(ctx, [4, 1.5, 1.5, 1.5], ['Category', 'Customer', 'Shared', 'Microsoft'], rsp.byCategory.map((b) => [b.category, String(b.customer), String(b.shared), String(b.microsoft)])),
  ];
}

/** The first eight risks of each of the 30/60/90-day horizons. */
function priorityBlocks(ctx: Ctx): Block[] {
  const out: Block[] = [heading(2, '30/60/90-day priorities')];
  for (const h of ['30', '60', '90'] as const) {
    const items = ctx.model.priorities[h];
    out.push(para(h === '30' ? 'First 30 days' : h === '60' ? 'Days 31–60' : 'Days 61–90', STYLE.label));
    if (items.length === 0) out.push(para('Nothing scheduled.'));
    else out.push(...bullets(items.slice(0, 8).map((r) => [...(ctx.riskLinks ? [link(r.id, r.bookmark)] : runs(r.id)), ...runs(` ${r.title} — ${r.recommendation.summary}`)])));
    if (items.length > 8) out.push(para(`…and ${items.length - 8} more in the remediation roadmap.`, STYLE.small));
  }
  return out;
}

export function executiveSummary(ctx: Ctx): Block[] {
  return [
    heading(1, 'Executive summary'),
    ...templateText(ctx, 'executive-summary'),
    ...postureBlocks(ctx),
    ...heatMapBlocks(ctx),
    ...topRisksBlocks(ctx),
    ...ownershipBlocks(ctx),
    ...priorityBlocks(ctx),
  ];
}
