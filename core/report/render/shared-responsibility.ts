import { heading, para, type CellContent } from './primitives';
import { themeOf, templateText, brandedTable, type Block, type Ctx } from './context';

// The shared responsibility analysis.

export function sharedResponsibility(ctx: Ctx): Block[] {
  const s = ctx.model.sharedResponsibility;
  const out: Block[] = [heading(1, 'Shared responsibility analysis'), ...templateText(ctx, 'shared-responsibility')];
  out.push(heading(2, 'The matrix used'));
  out.push(para(`${s.matrix.title}, version ${s.matrix.version}. Source: ${s.matrix.source}.`));
  const w = [3, ...s.matrix.columns.map(() => 1.4)];
  const ownerCell = (o: string): CellContent => ({ text: o, ...(o === 'Shared' ? { shade: themeOf(ctx).sharedFill } : o === 'Customer' ? { shade: themeOf(ctx).customerFill } : {}) });
  out.push(brandedTable(ctx, w, ['Responsibility', ...s.matrix.columns], s.matrix.rows.map((r) => [r.label, ...r.owners.map(ownerCell)])));
  if (s.otherMatrix && s.disagreements.length > 0) {
    out.push(heading(2, 'Where Microsoft’s own sources disagree'));
    out.push(para(`The ${s.otherMatrix.title} (version ${s.otherMatrix.version}; ${s.otherMatrix.source}) assigns some cells differently. Where the two disagree, plan as if the responsibility is yours until Microsoft confirms otherwise in writing.`));
    out.push(brandedTable(ctx, [3, 1.2, 2, 2], ['Responsibility', 'Model', `${s.matrix.id} (used)`, s.otherMatrix.id], s.disagreements.map((d) => [d.area, d.model, d.used, d.other])));
  }
  out.push(heading(2, 'This client’s risks on the matrix'));
  out.push(para('Each cell lists the risks raised in that responsibility area for that service model; the owner in the cell is the matrix owner.'));
  const rows = s.clientRisks.filter((r) => r.cells.some((x) => x.riskIds.length > 0));
  out.push(
    brandedTable(ctx,
      [3, ...s.models.map(() => 3)],
      ['Responsibility', ...s.models],
      rows.map((r) => [r.area, ...r.cells.map((x): CellContent => `${x.owner}${x.riskIds.length > 0 ? `: ${x.riskIds.join(', ')}` : ''}`)]),
    ),
  );
  out.push(heading(2, 'Grey areas: what the client may assume Microsoft does'));
  out.push(
    brandedTable(ctx,
      [3, 5, 3, 1.6],
      ['Common assumption', 'What is true', 'What the client must do', 'Risks'],
      s.greyAreas.map((g) => [g.assumption, g.reality, g.clientAction, g.riskIds.length > 0 ? g.riskIds.join(', ') : 'None raised']),
    ),
  );
  return out;
}
