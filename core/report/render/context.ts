import type { Paragraph, Table, TableOfContents } from 'docx';
import type { ReportModel, RiskView } from '../model';
import { DEFAULT_THEME, type ReportTemplate, type Theme } from '../template';
import { markdown, table, type CellContent } from './primitives';

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

/** Scales relative widths to the text width (twips); the last column takes the rounding. */
export function fitWidths(weights: readonly number[], width: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.floor((w / sum) * width));
  out[out.length - 1]! += width - out.reduce((s, w) => s + w, 0);
  return out;
}

/** A table in the template's colours across the text width, columns in proportion to `weights`. */
export function brandedTable(ctx: Ctx, weights: readonly number[], header: string[] | undefined, rows: CellContent[][], repeatHeader = true): Table | Paragraph {
  const colours = brandColours(ctx);
  return table({
    widths: fitWidths(weights, ctx.width),
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
