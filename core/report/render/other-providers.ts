import { counted } from '../labels';
import type { OtherProvidersView } from '../types';
import { heading, para, STYLE } from './primitives';
import { brandedTable, type Block, type Ctx } from './context';

// "Other providers in scope": every non-Microsoft provider side by side, a column each.

function matrixTable(ctx: Ctx, v: OtherProvidersView): Block[] {
  if (v.matrix.length === 0) return [para('No sourced responsibility matrix applies to the providers in scope.')];
  return [
    brandedTable(
      ctx,
      [2.6, ...v.providers.map(() => 3)],
      ['Responsibility (Microsoft’s rows)', ...v.providers.map((p) => p.name)],
      v.matrix.map((r) => [r.area, ...r.cells]),
    ),
    para('† Demarc’s mapping of the provider’s text onto Microsoft’s row; unmarked cells follow the provider’s own words.', STYLE.small),
  ];
}

function worksheetCell(c: OtherProvidersView['worksheet'][number]['cells'][number]): string {
  const text = c.note ? `${c.status}: ${c.note}` : `${c.status}.`;
  return c.riskId ? `${text} See ${c.riskId}.` : text;
}

function worksheetTable(ctx: Ctx, v: OtherProvidersView): Block[] {
  return [
    heading(3, 'Provider-commitment worksheet'),
    para(
      `Checked in the workshop for each provider; an item not answered reads Unknown. ${counted(v.gaps, 'answer')} ${v.gaps === 1 ? 'is' : 'are'} No or Unknown: each is a gap in what the client knows it can rely on, and names the risk it feeds where one was raised.`,
    ),
    brandedTable(
      ctx,
      [2.2, ...v.providers.map(() => 4)],
      ['Item', ...v.providers.map((p) => p.name)],
      v.worksheet.map((row) => [row.item, ...row.cells.map(worksheetCell)]),
    ),
  ];
}

/** The section, or nothing when no other provider is in scope. */
export function otherProvidersSection(ctx: Ctx, v: OtherProvidersView): Block[] {
  if (v.providers.length === 0) return [];
  return [
    heading(2, 'Other providers in scope'),
    ...v.providers.map((p) => para(`${p.name}: ${p.summary}${p.source ? ` Source: ${p.source}.` : ''}`)),
    ...matrixTable(ctx, v),
    ...worksheetTable(ctx, v),
    ...(v.sources.length > 0 ? [para(`Worksheet sources: ${v.sources.join('; ')}.`, STYLE.small)] : []),
  ];
}
