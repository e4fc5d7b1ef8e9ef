import type { Paragraph, Table, TableOfContents } from 'docx';
import type { ReportModel, RiskView } from '../model';
import { DEFAULT_THEME, type ReportTemplate, type SectionId, type Theme } from '../template';
import { markdown, table, type CellContent } from './primitives';
import { textWidthTwips, unbreakablePieces } from './text-metrics';

/** What a section renderer returns: body blocks in order. */
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
  /** the sections this document prints, in order (after the depth has been applied) */
  sections: readonly SectionId[];
}

/** "Appendix B": appendices are lettered in the order this document prints them. */
export function appendixLabel(ctx: Ctx, id: SectionId): string {
  const appendices = ctx.sections.filter((s) => s.startsWith('appendix-'));
  const i = Math.max(0, appendices.indexOf(id));
  return `Appendix ${String.fromCharCode(65 + i)}`;
}

/** The template's brand colours. */
export const brandColours = (ctx: Ctx): ReportTemplate['manifest']['branding']['colours'] => ctx.template.manifest.branding.colours;
/** The template's palette beyond the brand colours. */
export const themeOf = (ctx: Ctx): Theme => ctx.template.manifest.branding.theme;

/** A Markdown text block of the template (`blocks/<id>.md`), its headings at `level`. */
export function templateText(ctx: Ctx, id: string, level: 2 | 3 = 2): Paragraph[] {
  const b = ctx.template.blocks.get(id);
  return b ? markdown(b.blocks, ctx.model.placeholders, level) : [];
}

/**
 * Scales relative widths to the text width (twips), giving every column at least its minimum
 * (see {@link minimumColumnWidths}): columns that would be narrower are fixed at their minimum
 * and the rest share what is left by weight. The last column takes the rounding.
 */
export function fitWidths(weights: readonly number[], width: number, minimums: readonly number[] = []): number[] {
  const minSum = minimums.reduce((s, m) => s + m, 0);
  // minimums that cannot all fit shrink together (a long word may then break; nothing better exists)
  const mins = weights.map((_, i) => (minimums[i] ?? 0) * (minSum > width ? width / minSum : 1));
  const fixed = new Set<number>();
  let shares: number[];
  for (;;) {
    const freeWeight = weights.reduce((s, w, i) => (fixed.has(i) ? s : s + w), 0);
    const left = width - [...fixed].reduce((s, i) => s + mins[i]!, 0);
    shares = weights.map((w, i) => (fixed.has(i) ? mins[i]! : freeWeight > 0 ? (w / freeWeight) * left : 0));
    const under = shares.findIndex((w, i) => !fixed.has(i) && w < mins[i]!);
    if (under < 0) break;
    fixed.add(under);
  }
  const out = shares.map((w) => Math.floor(w));
  out[out.length - 1]! += width - out.reduce((s, w) => s + w, 0);
  return out;
}

/** Table text size (pt) of the default styles: TableText and TableHeading are 8.5 pt. */
export const TABLE_TEXT_PT = 8.5;
/** Left and right cell margins (twips): Word's and LibreOffice's default of 0.19 cm each. */
export const CELL_PADDING_TWIPS = 2 * 108;
/** Headroom over the measured width, for kerning and rounding in the layout engines. */
const WIDTH_HEADROOM = 1.06;
/** A cell's long token (an id, a path) may claim at most this share of the table width. */
const MAX_CELL_WORD_SHARE = 0.4;

/**
 * The narrowest width (twips) each column can have without breaking a word: the widest piece
 * of its header (bold) and of its cells, plus the cell margins. Header words always count;
 * a cell's token counts up to 40 % of the table width, so one long identifier (which breaks
 * at its hyphens or wherever it must) does not squeeze every other column.
 */
export function minimumColumnWidths(header: readonly string[] | undefined, rows: readonly CellContent[][], columns: number, width: number): number[] {
  const widest = (text: string, bold: boolean): number => Math.max(0, ...unbreakablePieces(text).map((p) => textWidthTwips(p, TABLE_TEXT_PT, bold)));
  return Array.from({ length: columns }, (_, i) => {
    let cells = 0;
    for (const row of rows) {
      const c = row[i];
      if (c === undefined || Array.isArray(c)) continue;
      cells = Math.max(cells, typeof c === 'string' ? widest(c, false) : widest(c.text, Boolean(c.bold)));
    }
    const head = header?.[i] !== undefined ? widest(header[i]!, true) : 0;
    return Math.ceil(Math.max(head, Math.min(cells, width * MAX_CELL_WORD_SHARE)) * WIDTH_HEADROOM) + CELL_PADDING_TWIPS;
  });
}

/** A table in the template's colours across the text width, columns in proportion to `weights`. */
export function brandedTable(ctx: Ctx, weights: readonly number[], header: string[] | undefined, rows: CellContent[][], repeatHeader = true): Table | Paragraph {
  const colours = brandColours(ctx);
  return table({
    widths: fitWidths(weights, ctx.width, minimumColumnWidths(header, rows, weights.length, ctx.width)),
    ...(header ? { header } : {}),
    rows,
    headerFill: colours.tableHeader,
    headerText: colours.tableHeaderText,
    band: colours.tableBand,
    border: themeOf(ctx).tableBorder,
    repeatHeader,
  });
}

/** Initials of a level label ("Very high" -> "VH"), so a level reads without colour. */
const levelCode = (label: string): string =>
  label
    .split(/\s+/)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');

/**
 * A level's fill from the theme, darkest for the top level, readable in greyscale (distinct
 * lightness) with a code in each cell.
 */
export function levelStyle(model: ReportModel, levelId: string, fills: readonly string[] = DEFAULT_THEME.levelFills): { fill: string; dark: boolean; code: string } {
  const ranked = [...model.levels].sort((a, b) => b.order - a.order);
  const i = ranked.findIndex((l) => l.id === levelId);
  const label = ranked[i]?.label ?? levelId;
  return { fill: fills[Math.max(0, Math.min(i, fills.length - 1))] ?? 'FFFFFF', dark: i === 0, code: levelCode(label) };
}

/** The level style with the template's fills. */
export const themedLevel = (ctx: Ctx, levelId: string): ReturnType<typeof levelStyle> => levelStyle(ctx.model, levelId, themeOf(ctx).levelFills);

/** A table cell shaded with its level's colour. */
export function levelCell(ctx: Ctx, levelId: string, label: string): CellContent {
  const s = themedLevel(ctx, levelId);
  return { text: label, shade: s.fill, ...(s.dark ? { color: themeOf(ctx).levelText } : {}), bold: s.dark };
}

/** A risk id, linked to its details when they are in this document. */
export const riskLink = (ctx: Ctx, r: RiskView): CellContent => (ctx.riskLinks ? { text: r.id, link: r.bookmark } : r.id);
