import { AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType, ShadingType, TableLayoutType, BorderStyle } from 'docx';
import { counted } from '../labels';
import type { TopRisk } from '../types';
import { actNowBox } from './act-now';
import { heading, heatCell, para, rich, runs, STYLE } from './primitives';
import { brandColours, themeOf, templateText, brandedTable, levelCell, themedLevel, riskLink, type Block, type Ctx } from './context';

// The executive summary (two pages): act now, posture framed for the client's business, heat
// maps, top risks by current rating, ownership, and a pointer to the roadmap.

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

/** "17 Very high, 76 High and 21 Medium" for the inherent or residual counts per level. */
function levelCounts(ctx: Ctx, pick: 'inherent' | 'residual'): string {
  const parts = [...ctx.model.posture.byLevel].reverse().filter((b) => b[pick] > 0).map((b) => `${b[pick]} ${b.level.label}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? 'none');
}

/** The three weakest interview domains by score, as a sentence ('' when none was scored). */
function weakestDomains(ctx: Ctx): string {
  const scored = ctx.model.posture.domainScores.filter((d) => d.score !== null).sort((x, y) => x.score! - y.score! || x.title.localeCompare(y.title));
  if (scored.length === 0) return '';
  return ` The interview scored lowest on ${scored.slice(0, 3).map((d) => `${d.title.toLowerCase()} (${d.score})`).join(', ')}, out of 100.`;
}

/** Overall posture, framed for the client's business: what it holds, the rating, the risks by level. */
function postureBlocks(ctx: Ctx): Block[] {
  const p = ctx.model.posture;
  return [
    heading(2, 'Overall posture'),
    ...(ctx.model.summary.framing.length > 0 ? [para(ctx.model.summary.framing.join(' '))] : []),
    rich([{ text: `Posture: ${p.rating}. `, bold: true }, p.statement]),
    para(`By current (inherent) rating: ${levelCounts(ctx, 'inherent')}. ${targetSentence(ctx)}${weakestDomains(ctx)}`),
  ];
}

/**
 * What the treatments are expected to achieve, said only as far as target ratings were agreed:
 * a risk without one is counted at its current rating, and the sentence says so rather than
 * presenting those counts as the outcome of the treatments.
 */
function targetSentence(ctx: Ctx): string {
  const unset = ctx.model.posture.residualUnset;
  const total = ctx.model.posture.byLevel.reduce((s, b) => s + b.inherent, 0);
  if (unset === 0) return `After the treatments proposed (target, residual): ${levelCounts(ctx, 'residual')}.`;
  if (unset >= total) return 'No target (residual) rating has been agreed yet: each is set when the treatment of its risk is agreed.';
  const set = total - unset;
  return `A target (residual) rating is agreed for ${set} of ${counted(total, 'risk')}; counting the others at their current rating until their treatment is agreed: ${levelCounts(ctx, 'residual')}.`;
}

/** The inherent and residual heat maps with their legend. */
function heatMapBlocks(ctx: Ctx): Block[] {
  const unset = ctx.model.posture.residualUnset;
  const out: Block[] = [heading(2, 'Current and target risk'), heatMapTable(ctx), legend(ctx)];
  if (unset > 0) out.push(para(`${counted(unset, 'risk')} ${unset === 1 ? 'has' : 'have'} no residual rating yet; ${unset === 1 ? 'it is shown at its' : 'they are shown at their'} inherent rating until treatment is agreed.`, STYLE.small));
  return out;
}

/** The risk's title, with the other risks that are the same finding. */
function topRiskTitle(t: TopRisk): string {
  return t.sameFinding.length > 0 ? `${t.risk.title} (same finding: ${t.sameFinding.join(', ')})` : t.risk.title;
}

/** The most serious risks by current rating, each finding once, with the business services they touch. */
function topRisksBlocks(ctx: Ctx): Block[] {
  const top = ctx.model.summary.topRisks;
  if (top.length === 0) return [];
  const rows = top.map((t) => [riskLink(ctx, t.risk), topRiskTitle(t), t.risk.businessServices.join(', ') || '—', t.risk.evidenceStatusLabel, levelCell(ctx, t.risk.inherent.level, t.risk.inherent.levelLabel)]);
  return [
    heading(2, 'Top risks'),
    para(`The ${top.length} most serious by current (inherent) rating; ties go to risks the inventory verifies, then to the more critical business service, then to the wider set of affected resources.`, STYLE.small),
    brandedTable(ctx, [1.1, 6, 2.2, 1.8, 1.5], ['ID', 'Risk', 'Business service', 'How known', 'Current'], rows),
  ];
}

/** " 10 answers … are contradicted by the inventory …" ('' when none is). */
function contradictions(ctx: Ctx): string {
  const n = new Set(ctx.model.sharedResponsibility.believeVsFound.map((r) => r.questionId)).size;
  if (n === 0) return '';
  return ` ${n} answer${n === 1 ? '' : 's'} given in the interview ${n === 1 ? 'is' : 'are'} contradicted by the inventory: the shared responsibility analysis opens with what ${ctx.model.meta.client} believes against what was found.`;
}

/** Who owns what, in one paragraph. */
function ownershipBlocks(ctx: Ctx): Block[] {
  const { model } = ctx;
  const rsp = model.responsibility;
  return [
    heading(2, 'Who owns what'),
    para(
      `Of ${model.risks.length} risks, ${rsp.counts.customer} are the customer’s, ${rsp.counts.shared} are shared and ${rsp.counts.microsoft} are Microsoft’s${rsp.counts.unknown > 0 ? `; ${rsp.counts.unknown} could not be assigned from the matrix` : ''}. The client must act on ${rsp.customerMustOwn.length}: the customer’s own and its half of every shared one. For Microsoft’s, the client’s action is to verify Microsoft’s assurance reports and commitments.${contradictions(ctx)}`,
    ),
  ];
}

/** Where the rest is: the roadmap plan's phases with their counts, instead of a truncated list. */
function roadmapPointer(ctx: Ctx): Block[] {
  const phases = ctx.model.plan.phases.filter((p) => p.count > 0).map((p) => `${p.label.toLowerCase()}: ${p.count} fixes, ${p.quickWins} of them quick wins`);
  if (phases.length === 0) return [];
  return [heading(2, 'What to do next'), para(`The remediation roadmap sequences every fix by current risk in workstreams (${phases.join('; ')}), with the owner, effort in person-days and dependencies of each. The act-now items above come before all of them.`)];
}

/** The executive summary: act now, the client's business and posture, heat maps, top risks, ownership, the way to the roadmap. */
export function executiveSummary(ctx: Ctx): Block[] {
  const noLiveIssue = ctx.model.actNow.length === 0 ? [para('Act now: no live issue (open high-severity alert, attack path or exposure the content pack escalates) was found in the evidence collected.', STYLE.small)] : [];
  return [
    heading(1, 'Executive summary'),
    ...actNowBox(ctx),
    ...noLiveIssue,
    ...templateText(ctx, 'executive-summary'),
    ...postureBlocks(ctx),
    ...heatMapBlocks(ctx),
    ...topRisksBlocks(ctx),
    ...ownershipBlocks(ctx),
    ...roadmapPointer(ctx),
  ];
}
