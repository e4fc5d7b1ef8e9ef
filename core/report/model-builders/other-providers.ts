import { isWorksheetGap, scopedProviders, worksheetStatuses, type ScopedProvider, type WorksheetStatus } from '../../commitments/worksheet';
import type { ProviderCommitments } from '../../commitments/schema';
import { areas } from '../../content/vocabulary';
import type { OtherProvidersView } from '../types';
import type { ModelContext } from './context';

const OWNER = { provider: 'Provider', customer: 'Customer', shared: 'Shared', unknown: 'Unknown' } as const;
const STATUS: Record<WorksheetStatus, string> = { yes: 'Yes', partial: 'Partial', no: 'No', unknown: 'Unknown' };
/** A worksheet note is a workshop remark: kept short so the side-by-side table stays readable. */
const MAX_WORKSHEET_NOTE = 300;

/** "Infrastructure services (EC2)" -> "EC2": the part a reader recognises. */
const shortColumn = (label: string): string => /\(([^)]+)\)\s*$/.exec(label)?.[1] ?? label;

/** One provider's owners for an area in one cell: "Customer", or "Customer (EC2), Shared (RDS)" when they differ; † marks Demarc's mapping. */
function matrixCell(p: ScopedProvider, area: string): string {
  if (!p.matrix) return 'Not sourced';
  const row = p.matrix.rows.find((r) => r.area === area);
  if (!row) return 'Unknown';
  const owners = p.matrix.columns.map((c) => ({ column: shortColumn(c.label), owner: OWNER[row.owners[c.id] ?? 'unknown'] }));
  const mark = row.basis === 'judgement' ? ' †' : '';
  if (new Set(owners.map((o) => o.owner)).size === 1) return owners[0]!.owner + mark;
  return owners.map((o) => `${o.owner} (${o.column})`).join(', ') + mark;
}

function providerHeader(ctx: ModelContext, p: ScopedProvider, data: ProviderCommitments): OtherProvidersView['providers'][number] {
  if (!p.matrix) return { name: ctx.clean(p.name), summary: 'Demarc has no sourced responsibility matrix for this provider: its split is shown as not sourced, never guessed.', source: '' };
  const source = data.otherProviders.sources.find((s) => s.id === p.matrix!.source);
  return { name: p.name, summary: p.matrix.summary, source: source ? `${source.title}, ${source.publisher} (${source.date})` : p.matrix.source };
}

/** The item's risk in the register when a gap on it was raised as one. */
function riskFor(ctx: ModelContext, templateId: string | undefined): string | undefined {
  return templateId ? ctx.bundle.risks.find((r) => r.templateId === templateId)?.id : undefined;
}

function worksheetRows(ctx: ModelContext, providers: readonly ScopedProvider[], data: ProviderCommitments): OtherProvidersView['worksheet'] {
  const statuses = providers.map((p) => worksheetStatuses(data.worksheet, ctx.bundle.providerWorksheets?.find((s) => s.provider === p.choice)));
  return data.worksheet.items.map((item) => ({
    item: item.label,
    cells: statuses.map((byItem) => {
      const { status, note } = byItem.get(item.id)!;
      const riskId = isWorksheetGap(status) ? riskFor(ctx, item.risk) : undefined;
      return { status: STATUS[status], note: ctx.clean(note, MAX_WORKSHEET_NOTE), ...(riskId ? { riskId } : {}) };
    }),
  }));
}

/**
 * "Other providers in scope", side by side: a column per provider chosen in the scope question,
 * its responsibility split on Microsoft's rows and its worksheet answers (an item never
 * answered reads Unknown); a gap (No or Unknown) names the risk it feeds when that was raised.
 */
export function otherProvidersView(ctx: ModelContext, data: ProviderCommitments): OtherProvidersView {
  const scope = ctx.pack.questions.get(data.worksheet.scopeQuestion);
  const label = (choice: string) => scope?.choices.find((c) => c.id === choice)?.label ?? choice;
  const providers = scopedProviders(ctx.bundle.answers, data.worksheet, data.otherProviders, label, ctx.bundle.providerWorksheets);
  const rowAreas = areas.filter((a) => providers.some((p) => p.matrix?.rows.some((r) => r.area === a)));
  const worksheet = worksheetRows(ctx, providers, data);
  const cited = new Set(data.worksheet.items.flatMap((i) => i.sources));
  return {
    providers: providers.map((p) => providerHeader(ctx, p, data)),
    matrix: rowAreas.map((area) => ({ area: ctx.areaLabel(area), cells: providers.map((p) => matrixCell(p, area)) })),
    worksheet,
    gaps: worksheet.reduce((n, row) => n + row.cells.filter((c) => c.status === 'No' || c.status === 'Unknown').length, 0),
    sources: data.worksheet.sources.filter((s) => cited.has(s.id)).map((s) => `${s.id}: ${s.title}, ${s.publisher}, ${s.date}, ${s.url}`),
  };
}
