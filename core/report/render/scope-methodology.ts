import { heading, keyValues, para, STYLE, type CellContent } from './primitives';
import { softBreaks } from './text-metrics';
import { themeOf, templateText, brandedTable, levelCell, type Block, type Ctx } from './context';
import type { ReportModel } from '../types';

// Scope and approach, risk methodology, environment overview.

/**
 * "140 of 140 applicable questions answered (1 more marked not applicable)": a question the
 * consultant marked not applicable is neither applicable nor unanswered, and counting it as
 * applicable made the report look incomplete where it was not.
 */
function interviewCoverage(s: ReportModel['scope']): string {
  const applicable = s.questionsVisible - s.questionsNotApplicable;
  const na = s.questionsNotApplicable > 0 ? ` (${s.questionsNotApplicable} more marked not applicable)` : '';
  return `${s.questionsAnswered} of ${applicable} applicable questions answered across ${s.domains.length} domains${na}`;
}

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
        ['Interview', interviewCoverage(s)],
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
    // what the evidence could and could not show belongs with the scope (the disclaimer prints it when there is no scope chapter)
    ...(ctx.template.blocks.has('limitations') ? [heading(2, 'Limitations'), ...templateText(ctx, 'limitations', 3)] : []),
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
  const full = ctx.model.depth === 'full';
  const out: Block[] = [heading(1, 'Environment overview'), ...templateText(ctx, 'environment')];
  // below full depth the service models and regions are a line each in the summary, not tables of their own
  const summary: [string, string][] = full
    ? [['Resources', String(e.resourceCount)]]
    : [
        ['Resources', e.byModel.length > 0 ? `${e.resourceCount}: ${e.byModel.map((m) => `${m.count} ${m.model}`).join(', ')}` : String(e.resourceCount)],
        ['Regions', e.byRegion.map((x) => `${x.region} ${x.count}`).join(', ') || 'None'],
      ];
  out.push(
    keyValues(
      [
        ...summary,
        ['Subscriptions', String(e.subscriptionCount)],
        ['Resource groups', String(e.resourceGroupCount)],
        ['Check results', `${e.findingTotals.fail} failing, ${e.findingTotals.pass} passing, ${e.findingTotals.notApplicable} not applicable`],
      ],
      ctx.width,
      themeOf(ctx).labelFill,
      themeOf(ctx).tableBorder,
    ),
  );
  if (full) {
    out.push(heading(2, 'Resources by service model'));
    out.push(brandedTable(ctx, [4, 2], ['Service model', 'Resources'], e.byModel.map((m) => [m.model, String(m.count)])));
  }
  out.push(heading(2, 'Resources by type'));
  const types = capped(e.byType, full ? 40 : TYPES_SHOWN);
  const otherTypes = types.rest.length > 0 ? [[`${types.rest.length} other types`, '', String(sum(types.rest))]] : [];
  out.push(brandedTable(ctx, [6, 2, 1.5], ['Resource type', 'Service model', 'Count'], [...types.shown.map((x) => [softBreaks(x.type), x.model, String(x.count)]), ...otherTypes]));
  if (full) {
    out.push(heading(2, 'Resources by region'));
    out.push(brandedTable(ctx, [4, 2], ['Region', 'Resources'], e.byRegion.slice(0, 30).map((x) => [x.region, String(x.count)])));
  }
  out.push(heading(2, 'Exposure summary'));
  out.push(...exposureSummary(ctx));
  return out;
}

/** Rows of the resource-type table below full depth: the most numerous types, the rest counted in one row. */
const TYPES_SHOWN = 10;
/** Severities the exposure summary lists below full depth; the other failing checks are counted. */
const EXPOSURE_SEVERITIES = ['critical', 'high'];

/** The first `n` rows, or all when only one would be left over (a row "1 other type" saves nothing). */
function capped<T>(rows: readonly T[], n: number): { shown: T[]; rest: T[] } {
  return rows.length <= n + 1 ? { shown: [...rows], rest: [] } : { shown: rows.slice(0, n), rest: rows.slice(n) };
}
const sum = (rows: readonly { count: number }[]): number => rows.reduce((s, r) => s + r.count, 0);

/** The failing checks, most severe first: all (up to 30) at full depth, else the critical and high ones with the rest counted. */
function exposureSummary(ctx: Ctx): Block[] {
  const all = ctx.model.environment.exposure;
  if (all.length === 0) return [para('No check failed on the collected inventory.')];
  const full = ctx.model.depth === 'full';
  const rows = full ? all.slice(0, 30) : all.filter((x) => EXPOSURE_SEVERITIES.includes(x.severity));
  const rest = all.length - rows.length;
  const out: Block[] = [];
  if (rows.length > 0) out.push(brandedTable(ctx, [1.2, 5, 1.3, 1.2, 4], ['Check', 'Finding', 'Severity', 'Failing', 'Examples'], rows.map((x) => [x.checkId, x.title, x.severity, String(x.failing), x.examples])));
  if (rest > 0) {
    const which = full ? `${rest} more failing check${rest === 1 ? '' : 's'}` : `${rest} failing check${rest === 1 ? '' : 's'} of medium or low severity`;
    out.push(para(`${which} ${rest === 1 ? 'is' : 'are'} listed, with every failing resource, in the register workbook (Findings sheet).`, STYLE.small));
  }
  return out;
}
