import { heading, keyValues, para, STYLE, type CellContent } from './primitives';
import { softBreaks } from './text-metrics';
import { themeOf, templateText, brandedTable, levelCell, type Block, type Ctx } from './context';

// Scope and approach, risk methodology, environment overview.

export function scopeApproach(ctx: Ctx): Block[] {
  const s = ctx.model.scope;
  return [
    heading(1, 'Scope and approach'),
    ...templateText(ctx, 'scope-approach'),
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
      themeOf(ctx).labelFill,
      themeOf(ctx).tableBorder,
    ),
    ...(s.attendees.length > 0
      ? [heading(2, 'Workshop attendees'), brandedTable(ctx, [1, 1], ['Name', 'Role'], s.attendees.map((x) => [x.name, x.role]))]
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
        return levelCell(ctx, id, model.levels.find((x) => x.id === id)?.label ?? id);
      }),
    ]);
  }
  return [
    heading(1, 'Risk methodology'),
    ...templateText(ctx, 'methodology'),
    heading(2, 'Likelihood scale'),
    brandedTable(ctx, [1, 2, 6], ['Value', 'Likelihood', 'Description'], rm.likelihood.map((x) => [String(x.value), x.label, x.description])),
    heading(2, 'Impact scale'),
    brandedTable(ctx, [1, 2, 6], ['Value', 'Impact', 'Description'], rm.impact.map((x) => [String(x.value), x.label, x.description])),
    heading(2, 'Risk level grid'),
    para(`${rm.title}. Source: ${rm.source}. The level is looked up in this grid, not calculated by multiplication.`),
    brandedTable(ctx, [2.4, 1.5, 1.5, 1.5, 1.5, 1.5], ['Likelihood \\ Impact', ...rm.impact.map((x) => `${x.value} ${x.label}`)], gridRows),
  ];
}

export function environment(ctx: Ctx): Block[] {
  const e = ctx.model.environment;
  const out: Block[] = [heading(1, 'Environment overview'), ...templateText(ctx, 'environment')];
  out.push(
    keyValues(
      [
        ['Resources', String(e.resourceCount)],
        ['Subscriptions', String(e.subscriptionCount)],
        ['Resource groups', String(e.resourceGroupCount)],
        ['Check results', `${e.findingTotals.fail} failing, ${e.findingTotals.pass} passing, ${e.findingTotals.notApplicable} not applicable`],
      ],
      ctx.width,
      themeOf(ctx).labelFill,
      themeOf(ctx).tableBorder,
    ),
  );
  out.push(heading(2, 'Resources by service model'));
  out.push(brandedTable(ctx, [4, 2], ['Service model', 'Resources'], e.byModel.map((m) => [m.model, String(m.count)])));
  out.push(heading(2, 'Resources by type'));
  const types = e.byType.slice(0, 40);
  out.push(brandedTable(ctx, [6, 2, 1.5], ['Resource type', 'Service model', 'Count'], types.map((x) => [softBreaks(x.type), x.model, String(x.count)])));
  if (e.byType.length > types.length) out.push(para(`${e.byType.length - types.length} further types with fewer resources are omitted.`, STYLE.small));
  out.push(heading(2, 'Resources by region'));
  out.push(brandedTable(ctx, [4, 2], ['Region', 'Resources'], e.byRegion.slice(0, 30).map((x) => [x.region, String(x.count)])));
  out.push(heading(2, 'Exposure summary'));
  if (e.exposure.length === 0) out.push(para('No check failed on the collected inventory.'));
  else out.push(brandedTable(ctx, [1.2, 5, 1.3, 1.2, 4], ['Check', 'Finding', 'Severity', 'Failing', 'Examples'], e.exposure.slice(0, 30).map((x) => [x.checkId, x.title, x.severity, String(x.failing), x.examples])));
  return out;
}
