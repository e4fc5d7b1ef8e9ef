import { riskBookmark } from '../labels';
import { cellBlocks, heading, link, para, rich, STYLE, type CellContent } from './primitives';
import { themeOf, templateText, brandedTable, type Block, type Ctx } from './context';

// The shared responsibility analysis, led by what the client believes against what the
// inventory shows; then the matrix, the client's risks on it (counts), the grey areas, and
// which identity conclusions Microsoft Graph verifies.

type Section = Ctx['model']['sharedResponsibility'];

/** Risk ids, each linked to its details when they are in this document. */
function riskIdsCell(ctx: Ctx, ids: readonly string[]): CellContent {
  if (!ctx.riskLinks) return ids.join(', ');
  return cellBlocks(() => [rich(ids.flatMap((id, i) => [...(i > 0 ? [', '] : []), link(id, riskBookmark(id))]), STYLE.tableText)]);
}

/** The answers the inventory contradicts: what the client said, what the inventory shows, the risk. */
function believeVsFoundBlocks(ctx: Ctx, s: Section): Block[] {
  const rows = s.believeVsFound;
  const out: Block[] = [heading(2, 'What you believe and what we found')];
  if (rows.length === 0) return [...out, para('No answer given in the interview was contradicted by the inventory.')];
  const questions = new Set(rows.map((r) => r.questionId)).size;
  out.push(
    para(
      `${questions} answer${questions === 1 ? '' : 's'} given in the interview ${questions === 1 ? 'is' : 'are'} contradicted by the inventory: the control was said to be in place, and the resources below show it is not. These are the gaps between what ${ctx.model.meta.client} believes it does and what its estate does; each is raised as a risk, most serious first.`,
    ),
  );
  const said = (r: Section['believeVsFound'][number]): CellContent => cellBlocks(() => [rich([{ text: `“${r.said}”`, bold: true }], STYLE.tableText), para(`${r.questionId} ${r.question}`, STYLE.tableText)]);
  out.push(brandedTable(ctx, [5.5, 5.5, 1], ['You told us (question)', 'The inventory shows', 'Risk'], rows.map((r) => [said(r), r.found, riskIdsCell(ctx, r.riskIds)])));
  return out;
}

/** The matrix used, and where Microsoft's own sources disagree. */
function matrixBlocks(ctx: Ctx, s: Section): Block[] {
  const out: Block[] = [heading(2, 'The matrix used'), para(`${s.matrix.title}, version ${s.matrix.version}. Source: ${s.matrix.source}.`)];
  const ownerCell = (o: string): CellContent => ({ text: o, ...(o === 'Shared' ? { shade: themeOf(ctx).sharedFill } : o === 'Customer' ? { shade: themeOf(ctx).customerFill } : {}) });
  out.push(brandedTable(ctx, [3, ...s.matrix.columns.map(() => 1.4)], ['Responsibility', ...s.matrix.columns], s.matrix.rows.map((r) => [r.label, ...r.owners.map(ownerCell)])));
  if (s.otherMatrix && s.disagreements.length > 0) {
    out.push(heading(2, 'Where Microsoft’s own sources disagree'));
    out.push(para(`The ${s.otherMatrix.title} (version ${s.otherMatrix.version}; ${s.otherMatrix.source}) assigns some cells differently. Where the two disagree, plan as if the responsibility is yours until Microsoft confirms otherwise in writing.`));
    out.push(brandedTable(ctx, [3, 1.2, 2, 2], ['Responsibility', 'Model', `${s.matrix.id} (used)`, s.otherMatrix.id], s.disagreements.map((d) => [d.area, d.model, d.used, d.other])));
  }
  return out;
}

/** The second-highest level ("High"): the cells count the risks at it or above. */
function seriousLabel(ctx: Ctx): string {
  const ranked = [...ctx.model.levels].sort((a, b) => b.order - a.order);
  return (ranked[1] ?? ranked[0])?.label ?? '';
}

/** The client's risks on the matrix: per cell the owner and how many risks, how many of them serious. */
function clientRiskBlocks(ctx: Ctx, s: Section): Block[] {
  const rows = s.clientRisks.filter((r) => r.cells.some((x) => x.riskIds.length > 0));
  const serious = seriousLabel(ctx);
  const cell = (x: Section['clientRisks'][number]['cells'][number]): CellContent =>
    x.riskIds.length === 0 ? `${x.owner}: none` : `${x.owner}: ${x.riskIds.length}${x.serious > 0 ? ` (${x.serious} ≥ ${serious})` : ''}`;
  return [
    heading(2, 'This client’s risks on the matrix'),
    para(`Each cell gives the matrix owner and counts the risks raised in that responsibility area for that service model, in brackets how many are rated ${serious} or above. The register lists them.`),
    brandedTable(ctx, [3, ...s.models.map(() => 2.4)], ['Responsibility', ...s.models], rows.map((r) => [r.area, ...r.cells.map(cell)])),
  ];
}

function greyAreaBlocks(ctx: Ctx, s: Section): Block[] {
  return [
    heading(2, 'Grey areas: what the client may assume Microsoft does'),
    brandedTable(ctx,
      [3, 5, 3, 1.6],
      ['Common assumption', 'What is true', 'What the client must do', 'Risks'],
      s.greyAreas.map((g) => [g.assumption, g.reality, g.clientAction, g.riskIds.length > 0 ? g.riskIds.join(', ') : 'None raised']),
    ),
  ];
}

/** Identity and Microsoft 365: which conclusions Microsoft Graph verifies and which rest on the interview, with counts. */
function identityBlocks(ctx: Ctx, s: Section): Block[] {
  const e = s.identityEvidence;
  if (e.rows.length === 0) return [];
  // without a Graph snapshot every row would read "not collected": the statement says it once
  const table = e.graphCollected
    ? brandedTable(ctx, [1, 4, 3.6, 3.6, 1.8], ['Check', 'Conclusion', 'What Graph shows', 'What the interview said', 'Basis'], e.rows.map((r) => [r.checkId, r.title, r.graph, r.interview, r.basisLabel]))
    : brandedTable(ctx, [1, 5, 5], ['Check', 'Weakness a Graph pull would test', 'What the interview said'], e.rows.map((r) => [r.checkId, r.title, r.interview]));
  return [
    heading(2, 'Identity and Microsoft 365: verified by Graph or reported in interview'),
    para(e.statement),
    table,
    ...(e.graphCollected && ctx.model.meta.masked ? [para('Users are named by pseudonyms in this report (personal data); the findings export lists every object.', STYLE.small)] : []),
  ];
}

export function sharedResponsibility(ctx: Ctx): Block[] {
  const s = ctx.model.sharedResponsibility;
  return [
    heading(1, 'Shared responsibility analysis'),
    ...templateText(ctx, 'shared-responsibility'),
    ...believeVsFoundBlocks(ctx, s),
    ...matrixBlocks(ctx, s),
    ...clientRiskBlocks(ctx, s),
    ...greyAreaBlocks(ctx, s),
    ...identityBlocks(ctx, s),
  ];
}
