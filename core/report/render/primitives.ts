import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  ImportedXmlComponent,
  InternalHyperlink,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { xmlSafe } from '../sanitize';
import { resolveInlines, type MdBlock } from '../template';

/** Style ids the report uses; a reference document must define every one. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  h1: 'Heading1',
  h2: 'Heading2',
  h3: 'Heading3',
  coverMeta: 'CoverMeta',
  classification: 'Classification',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  caption: 'Caption',
  small: 'Small',
  code: 'Code',
  heatCell: 'HeatCell',
  label: 'RiskLabel',
  listParagraph: 'ListParagraph',
  strong: 'Strong',
  hyperlink: 'Hyperlink',
  toc1: 'TOC1',
  toc2: 'TOC2',
} as const;
export const REQUIRED_STYLE_IDS: readonly string[] = Object.values(STYLE);

/** Text widths (twips) of A4 with 2 cm margins. */
export const PORTRAIT_WIDTH = 9638;
export const LANDSCAPE_WIDTH = 14570;

/** Text runs for a string: XML-safe, line breaks and tabs kept. */
export function runs(text: string, opts: { style?: string; bold?: boolean; italics?: boolean; color?: string } = {}): TextRun[] {
  const lines = xmlSafe(text).split(/\r\n|\r|\n/);
  return lines.map((line, i) => {
    const parts = line.split('\t');
    const children: (string | Tab)[] = [];
    parts.forEach((part, j) => {
      if (j > 0) children.push(new Tab());
      if (part !== '') children.push(part);
    });
    return new TextRun({
      children,
      ...(i > 0 ? { break: 1 } : {}),
      ...(opts.style ? { style: opts.style } : {}),
      ...(opts.bold ? { bold: true } : {}),
      ...(opts.italics ? { italics: true } : {}),
      ...(opts.color ? { color: opts.color } : {}),
    });
  });
}

/**
 * A rough page tracker, advanced as blocks are created in document order, so the table of
 * contents can carry page numbers before Word or LibreOffice lays the document out (Word
 * recomputes them when it updates fields on opening; `updateFields` is set).
 */
export const layout = {
  page: 1,
  y: 0,
  height: 700,
  width: 482,
  suspended: 0,
  reset(): void {
    this.page = 1;
    this.y = 0;
    this.suspended = 0;
    this.portrait();
  },
  portrait(): void {
    this.height = 700;
    this.width = 482;
  },
  landscape(): void {
    this.height = 440;
    this.width = 728;
  },
  newPage(): void {
    if (this.y > 0) this.page++;
    this.y = 0;
  },
  advance(pt: number): void {
    if (this.suspended > 0) return;
    this.y += pt;
    while (this.y > this.height) {
      this.page++;
      this.y -= this.height;
    }
  },
  /** lines a text takes at a given width (pt) and font size (pt) */
  lines(text: string, widthPt: number, sizePt: number): number {
    const perLine = Math.max(8, Math.floor(widthPt / (sizePt * 0.47)));
    return text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0);
  },
  text(text: string, sizePt = 10.5, after = 6): void {
    this.advance(this.lines(text, this.width, sizePt) * sizePt * 1.3 + after);
  },
};

/** A paragraph of plain text in a style. */
export function para(text: string, style?: string, extra: ParagraphChild[] = []): Paragraph {
  layout.text(text, style === STYLE.small || style === STYLE.code ? 8.5 : 10.5);
  return new Paragraph({ ...(style ? { style } : {}), children: [...runs(text), ...extra] });
}

/** A paragraph from pieces: strings, or `{text, bold}`. */
export function rich(pieces: (string | { text: string; bold?: boolean; italics?: boolean } | ParagraphChild)[], style?: string): Paragraph {
  layout.text(pieces.map((p) => (typeof p === 'string' ? p : 'text' in p && typeof p.text === 'string' ? p.text : 'xxxxxxxx')).join(''));
  const children: ParagraphChild[] = [];
  for (const p of pieces) {
    if (typeof p === 'string') children.push(...runs(p));
    else if ('text' in p && typeof p.text === 'string' && !(p instanceof TextRun)) children.push(...runs(p.text, { ...(p.bold ? { style: STYLE.strong } : {}), ...(p.italics ? { italics: true } : {}) }));
    else children.push(p as ParagraphChild);
  }
  return new Paragraph({ ...(style ? { style } : {}), children });
}

/** Level 1-2 headings with their bookmark and estimated page, for the table of contents. */
export const tocEntries: { title: string; level: number; bookmark: string; page: number; order: number }[] = [];
let tocCounter = 0;
export function resetToc(): void {
  tocEntries.length = 0;
  tocCounter = 0;
}

export function heading(level: 1 | 2 | 3, text: string, bookmark?: string): Paragraph {
  const style = level === 1 ? STYLE.h1 : level === 2 ? STYLE.h2 : STYLE.h3;
  if (level === 1) layout.newPage();
  else if (layout.y > layout.height - 80) layout.newPage();
  layout.advance(level === 1 ? 40 : level === 2 ? 34 : 28);
  const marks: string[] = [];
  if (bookmark) marks.push(bookmark);
  if (level <= 2) {
    const toc = `_Toc${String(++tocCounter).padStart(6, '0')}`;
    marks.push(toc);
    tocEntries.push({ title: xmlSafe(text), level, bookmark: toc, page: layout.page, order: tocCounter });
  }
  let children: ParagraphChild[] = runs(text);
  for (const m of marks) children = [new Bookmark({ id: m, children: children as TextRun[] })];
  return new Paragraph({ style, children });
}

/** A link to a bookmark in the document. */
export function link(text: string, bookmark: string): InternalHyperlink {
  return new InternalHyperlink({ anchor: bookmark, children: runs(text, { style: STYLE.hyperlink }) });
}

export function bullets(items: (string | ParagraphChild[])[], style?: string): Paragraph[] {
  for (const i of items) layout.text(typeof i === 'string' ? i : 'x'.repeat(i.length * 30), 10.5, 3);
  return items.map(
    (item) =>
      new Paragraph({
        style: style ?? STYLE.listParagraph,
        numbering: { reference: 'bullets', level: 0 },
        children: typeof item === 'string' ? runs(item) : item,
      }),
  );
}

let listInstance = 0;
/** Restarts list numbering instances (one document at a time). */
export function resetLists(): void {
  listInstance = 0;
}
/** A numbered list that restarts at 1. */
export function numbered(items: (string | ParagraphChild[])[]): Paragraph[] {
  const instance = ++listInstance;
  for (const i of items) layout.text(typeof i === 'string' ? i : 'x'.repeat(i.length * 30), 10.5, 3);
  return items.map(
    (item) =>
      new Paragraph({
        style: STYLE.listParagraph,
        numbering: { reference: 'numbers', level: 0, instance },
        children: typeof item === 'string' ? runs(item) : item,
      }),
  );
}

/**
 * A complex field with a cached result (`PAGE`, `NUMPAGES`), so the document shows a value
 * before any application updates fields. Instruction and result are fixed ASCII, never user text.
 */
export function field(instruction: 'PAGE' | 'NUMPAGES', cached: string, style?: string): ParagraphChild[] {
  const rPr = style ? `<w:rPr><w:rStyle w:val="${style}"/></w:rPr>` : '';
  const safeCached = cached.replace(/[^0-9]/g, '') || '1';
  return [
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r>`,
    `<w:r>${rPr}<w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>`,
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>`,
    `<w:r>${rPr}<w:t>${safeCached}</w:t></w:r>`,
    `<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`,
  ].map(xmlRun);
}

/** A table cell's content: text, paragraphs, or text with a link. */
export type CellContent = string | Paragraph[] | { text: string; link?: string; shade?: string; color?: string; bold?: boolean };

export interface TableSpec {
  /** column widths in twips; their sum is the table width */
  widths: number[];
  header?: string[];
  rows: CellContent[][];
  /** shade the header with this colour (hex) */
  headerFill: string;
  headerText: string;
  /** repeat the header row on every page */
  repeatHeader?: boolean;
  band?: string;
  /** colour of the rules (default the theme's default) */
  border?: string;
}

const DEFAULT_BORDER = 'A6A6A6';

function cellParagraphs(c: CellContent, style: string): Paragraph[] {
  if (typeof c === 'string') return [para(c, style)];
  if (Array.isArray(c)) return c;
  const children: ParagraphChild[] = c.link ? [link(c.text, c.link)] : runs(c.text, { ...(c.bold ? { style: STYLE.strong } : {}), ...(c.color ? { color: c.color } : {}) });
  return [new Paragraph({ style, children })];
}

/** A bordered table with a fixed grid, widths on every cell and an optional repeated header. */
export function table(spec: TableSpec): Table {
  const total = spec.widths.reduce((s, w) => s + w, 0);
  estimateTable(spec);
  layout.suspended++;
  const rows: TableRow[] = [];
  if (spec.header) {
    rows.push(
      new TableRow({
        tableHeader: spec.repeatHeader ?? true,
        cantSplit: true,
        children: spec.header.map(
          (h, i) =>
            new TableCell({
              width: { size: spec.widths[i] ?? 1000, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, fill: spec.headerFill, color: 'auto' },
              children: [new Paragraph({ style: STYLE.tableHeading, children: runs(h, spec.headerText ? { color: spec.headerText } : {}) })],
            }),
        ),
      }),
    );
  }
  spec.rows.forEach((row, r) => {
    rows.push(
      new TableRow({
        children: spec.widths.map((w, i) => {
          const c = row[i] ?? '';
          const shade = typeof c === 'object' && !Array.isArray(c) && c.shade ? c.shade : spec.band && r % 2 === 1 ? spec.band : undefined;
          return new TableCell({
            width: { size: w, type: WidthType.DXA },
            ...(shade ? { shading: { type: ShadingType.CLEAR, fill: shade, color: 'auto' } } : {}),
            children: cellParagraphs(c, STYLE.tableText),
          });
        }),
      }),
    );
  });
  layout.suspended--;
  const thin = { style: BorderStyle.SINGLE, size: 4, color: spec.border ?? DEFAULT_BORDER } as const;
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: spec.widths,
    layout: TableLayoutType.FIXED,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows,
  });
}

function cellText(c: CellContent | undefined): string {
  if (c === undefined) return '';
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return 'x'.repeat(c.length * 40);
  return c.text;
}

function estimateTable(spec: TableSpec): void {
  const rows = spec.header ? [spec.header as CellContent[], ...spec.rows] : spec.rows;
  for (const row of rows) {
    let lines = 1;
    spec.widths.forEach((w, i) => {
      lines = Math.max(lines, layout.lines(cellText(row[i]), w / 20 - 11, 8.5));
    });
    layout.advance(lines * 10.6 + 3.5);
  }
  layout.advance(8);
}

/** Two-column label/value table. */
export function keyValues(pairs: [string, CellContent][], width: number, fill: string, border?: string): Table {
  const labelW = Math.round(width * 0.28);
  return table({
    widths: [labelW, width - labelW],
    rows: pairs.map(([k, v]) => [{ text: k, bold: true, shade: fill }, v]),
    headerFill: fill,
    headerText: '',
    ...(border ? { border } : {}),
  });
}

/** A shaded cell for the heat map: count in the middle, level code for greyscale readers. */
export function heatCell(count: number, code: string, fill: string, darkText: string | undefined, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: { type: ShadingType.CLEAR, fill, color: 'auto' },
    children: [
      new Paragraph({
        style: STYLE.heatCell,
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: count > 0 ? String(count) : '·', ...(darkText ? { color: darkText } : {}) }),
          new TextRun({ text: ` ${code}`, size: 12, ...(darkText ? { color: darkText } : {}) }),
        ],
      }),
    ],
  });
}

/** Renders a Markdown text block from the template, placeholders filled with plain text. */
export function markdown(blocks: readonly MdBlock[], values: Readonly<Record<string, string>>, headingLevel: 2 | 3): Paragraph[] {
  const out: Paragraph[] = [];
  const inl = (inlines: Parameters<typeof resolveInlines>[0]): ParagraphChild[] =>
    resolveInlines(inlines, values).flatMap((i) => runs(i.text, { ...(i.bold ? { style: STYLE.strong } : {}), ...(i.italic ? { italics: true } : {}) }));
  const plain = (inlines: Parameters<typeof resolveInlines>[0]): string => resolveInlines(inlines, values).map((i) => i.text).join('');
  for (const b of blocks) {
    if (b.kind !== 'bullets' && b.kind !== 'numbered') layout.text(plain(b.inlines));
    if (b.kind === 'paragraph') out.push(new Paragraph({ children: inl(b.inlines) }));
    else if (b.kind === 'heading') out.push(new Paragraph({ style: b.level === 1 && headingLevel === 2 ? STYLE.h2 : STYLE.h3, children: inl(b.inlines) }));
    else if (b.kind === 'bullets') {
      for (const i of b.items) layout.text(plain(i), 10.5, 3);
      layout.suspended++;
      out.push(...bullets(b.items.map(inl)));
      layout.suspended--;
    } else {
      for (const i of b.items) layout.text(plain(i), 10.5, 3);
      layout.suspended++;
      out.push(...numbered(b.items.map(inl)));
      layout.suspended--;
    }
  }
  return out;
}

const xmlRun = (xml: string): ParagraphChild => ImportedXmlComponent.fromXmlString(xml) as unknown as ParagraphChild;
/** Begin, instruction and separator of a complex field (fixed ASCII instructions only). */
const fieldBegin = (instruction: string, dirty = false): ParagraphChild[] => [
  xmlRun(`<w:r><w:fldChar w:fldCharType="begin"${dirty ? ' w:dirty="true"' : ''}/></w:r>`),
  xmlRun(`<w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>`),
  xmlRun('<w:r><w:fldChar w:fldCharType="separate"/></w:r>'),
];
const fieldEnd = (): ParagraphChild => xmlRun('<w:r><w:fldChar w:fldCharType="end"/></w:r>');

/**
 * A real TOC field whose result holds an entry per level 1-2 heading, each a link to the
 * heading's bookmark with a PAGEREF field carrying an estimated page number, so the table is
 * never empty before Word updates it (the document sets `updateFields`, so Word refreshes it).
 */
export function tableOfContents(entries: readonly { title: string; level: number; bookmark: string; page: number }[], width: number): Paragraph[] {
  if (entries.length === 0) return [new Paragraph({ children: [...fieldBegin('TOC \\o "1-2" \\h \\z \\u', true), ...runs('Update the table of contents (F9) to list the headings.'), fieldEnd()] })];
  const out = entries.map((e, i) => {
    const entry = new InternalHyperlink({
      anchor: e.bookmark,
      children: [...runs(e.title), new TextRun({ children: [new Tab()] }), ...(fieldBegin(`PAGEREF ${e.bookmark} \\h`) as TextRun[]), new TextRun(String(e.page)), fieldEnd() as TextRun],
    });
    return new Paragraph({
      style: e.level === 1 ? STYLE.toc1 : STYLE.toc2,
      tabStops: [{ type: TabStopType.RIGHT, position: width, leader: 'dot' }],
      children: [...(i === 0 ? fieldBegin('TOC \\o "1-2" \\h \\z \\u', true) : []), entry],
    });
  });
  out.push(new Paragraph({ children: [fieldEnd()] }));
  return out;
}
