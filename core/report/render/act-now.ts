import type { ActNowItem } from '../types';
import { para, rich, STYLE, table, type CellContent } from './primitives';
import { brandColours, fitWidths, levelCell, minimumColumnWidths, themedLevel, themeOf, type Block, type Ctx } from './context';

// The "act now (this week)" box: live issues escalated whatever their target rating. It heads
// the executive summary and the roadmap.

const HEADER = ['Risk', 'Live issue', 'Where', 'First action', 'Current rating'];
const WEIGHTS = [1.1, 2.6, 3.4, 4.6, 1.5];

/** Where the issue is: the subjects named (and how many more), and the business services touched. */
function where(item: ActNowItem): string {
  const more = item.subjectTotal > item.subjects.length ? ` and ${item.subjectTotal - item.subjects.length} more` : '';
  const services = item.businessServices.length > 0 ? `\nBusiness service: ${item.businessServices.join(', ')}` : '';
  return `${item.subjects.join('; ')}${more}${services}`;
}

function row(ctx: Ctx, item: ActNowItem): CellContent[] {
  return [
    ctx.riskLinks ? { text: item.riskId, link: item.bookmark } : item.riskId,
    item.issue,
    where(item),
    item.firstAction,
    levelCell(ctx, item.inherent.level, item.inherent.levelLabel),
  ];
}

/**
 * The act-now box: a title, one sentence on why these come first, and one row per live issue
 * (most serious first by current rating), its header in the top level's colour so it stands
 * out from the other tables. Nothing when the evidence shows no live issue.
 */
export function actNowBox(ctx: Ctx): Block[] {
  const items = ctx.model.actNow;
  if (items.length === 0) return [];
  const rows = items.map((item) => row(ctx, item));
  const top = themedLevel(ctx, ctx.model.levels[ctx.model.levels.length - 1]?.id ?? '');
  return [
    para('Act now (this week)', STYLE.label),
    rich([
      { text: `${items.length} live issue${items.length === 1 ? ' was' : 's were'} found in the evidence. ` },
      'Handle them this week, before the rest of the roadmap and whatever their target rating: each is exposure that an attacker can use today, or may already be using.',
    ]),
    table({
      widths: fitWidths(WEIGHTS, ctx.width, minimumColumnWidths(HEADER, rows, WEIGHTS.length, ctx.width)),
      header: HEADER,
      rows,
      headerFill: top.fill,
      headerText: themeOf(ctx).levelText,
      band: brandColours(ctx).tableBand,
      border: themeOf(ctx).tableBorder,
      repeatHeader: true,
    }),
    // a table followed directly by text reads as one block; leave a line
    para(''),
  ];
}
