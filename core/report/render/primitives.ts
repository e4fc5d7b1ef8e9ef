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
  // the docx library's built-in Strong is a paragraph style, which Word and LibreOffice ignore on a run:
  // runs in it are also bold by direct formatting (runs, runsXml)
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
      ...(opts.bold || opts.style === STYLE.strong ? { bold: true } : {}),
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

/** The text of paragraphs made by `para` and `rich`, so a table cell holding them is estimated by its text. */
const paragraphText = new WeakMap<Paragraph, string>();

/**
 * Paragraphs for a table cell: made by `make` without advancing the page estimate (the table
 * counts its rows, cell text included, once).
 */
export function cellBlocks(make: () => Paragraph[]): Paragraph[] {
  layout.suspended++;
  try {
    return make();
  } finally {
    layout.suspended--;
  }
}

/** A paragraph of plain text in a style. */
export function para(text: string, style?: string, extra: ParagraphChild[] = []): Paragraph {
  layout.text(text, style === STYLE.small || style === STYLE.code || style === STYLE.tableText ? 8.5 : 10.5);
  const p = new Paragraph({ ...(style ? { style } : {}), children: [...runs(text), ...extra] });
  paragraphText.set(p, text);
  return p;
}

/** A paragraph from pieces: strings, or `{text, bold}`. */
export function rich(pieces: (string | { text: string; bold?: boolean; italics?: boolean } | ParagraphChild)[], style?: string): Paragraph {
  const text = pieces.map((p) => (typeof p === 'string' ? p : 'text' in p && typeof p.text === 'string' ? p.text : 'xxxxxxxx')).join('');
  layout.text(text);
  const children: ParagraphChild[] = [];
  for (const p of pieces) {
    if (typeof p === 'string') children.push(...runs(p));
    else if ('text' in p && typeof p.text === 'string' && !(p instanceof TextRun)) children.push(...runs(p.text, { ...(p.bold ? { style: STYLE.strong } : {}), ...(p.italics ? { italics: true } : {}) }));
    else children.push(p as ParagraphChild);
  }
  const paragraph = new Paragraph({ ...(style ? { style } : {}), children });
  paragraphText.set(paragraph, text);
  return paragraph;
}

/** Level 1-2 headings with their bookmark and estimated page, for the table of contents. */
export const tocEntries: { title: string; level: number; bookmark: string; page: number; order: number; section: string }[] = [];
let tocCounter = 0;
export function resetToc(): void {
  tocEntries.length = 0;
  tocCounter = 0;
  continueChapter = false;
}

/**
 * A level-1 heading normally starts a new page. When the page so far holds only a short tail
 * of the previous section (under this share of the page, by the estimate), it follows on the
 * same page instead, so no page is left nearly empty before the next section.
 */
const SHORT_TAIL = 0.25;
/** space above a level-1 heading that follows on the same page (twips) */
const CONTINUED_HEADING_BEFORE = 480;

/** Room (pt) a level-1 heading that may follow on the page needs below it: itself and a few lines. */
const FOLLOW_ROOM = 120;

/** Whether the page so far (by the estimate) has room for a short chapter to follow on it. */
const roomToFollow = (): boolean => layout.y > 0 && layout.y <= layout.height - FOLLOW_ROOM;

/**
 * Share of the page a chapter that may continue on the page (see {@link continueNextChapter})
 * needs free below the previous one: enough for its heading, its opening and a table's first
 * rows, so it does not start at the foot of the page.
 */
const CONTINUE_ROOM = 0.2;
let continueChapter: false | 'room' | 'always' = false;

/**
 * The next level-1 heading continues on the current page instead of starting one: with
 * 'room', when at least {@link CONTINUE_ROOM} of the page is free (a short chapter that reads
 * on from the one before, such as the methodology after the scope); with 'always', whatever
 * the estimate says (an appendix after another: what follows continues too, so no page is left
 * half empty). Reset by that heading.
 */
export function continueNextChapter(mode: false | 'room' | 'always'): void {
  continueChapter = mode;
}

/**
 * A heading; `follow` lets a short level-1 chapter (a paragraph pointing elsewhere) follow the
 * previous one on its page when there is room, instead of taking a page of its own.
 */
export function heading(level: 1 | 2 | 3, text: string, bookmark?: string, opts: { follow?: boolean } = {}): Paragraph {
  const style = level === 1 ? STYLE.h1 : level === 2 ? STYLE.h2 : STYLE.h3;
  let newPage = false;
  if (level === 1) {
    const shortTail = layout.y > 0 && layout.y < layout.height * SHORT_TAIL;
    const room = layout.y > 0 && (continueChapter === 'always' || (continueChapter === 'room' && layout.y <= layout.height * (1 - CONTINUE_ROOM)));
    continueChapter = false;
    newPage = opts.follow ? !roomToFollow() : !(shortTail || room);
    if (newPage) layout.newPage();
  } else if (layout.y > layout.height - 80) layout.newPage();
  layout.advance(level === 1 ? 40 : level === 2 ? 34 : 28);
  const marks: string[] = [];
  if (bookmark) marks.push(bookmark);
  if (level <= 2) {
    const toc = `_Toc${String(++tocCounter).padStart(6, '0')}`;
    marks.push(toc);
    tocEntries.push({ title: xmlSafe(text), level, bookmark: toc, page: layout.page, order: tocCounter, section: '' });
  }
  let children: ParagraphChild[] = runs(text);
  for (const m of marks) children = [new Bookmark({ id: m, children: children as TextRun[] })];
  const flow = level !== 1 ? {} : newPage ? { pageBreakBefore: true } : { spacing: { before: CONTINUED_HEADING_BEFORE } };
  return new Paragraph({ style, ...flow, children });
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

function cellParagraphs(c: CellContent, style: string, keepNext: boolean): Paragraph[] {
  if (Array.isArray(c)) return c;
  const children: ParagraphChild[] =
    typeof c === 'string' ? runs(c) : c.link ? [link(c.text, c.link)] : runs(c.text, { ...(c.bold ? { style: STYLE.strong } : {}), ...(c.color ? { color: c.color } : {}) });
  return [new Paragraph({ style, ...(keepNext ? { keepNext: true } : {}), children })];
}

/** The shading of a body cell: its own, else the band on odd rows. */
const cellShade = (spec: TableSpec, c: CellContent, row: number): string | undefined =>
  typeof c === 'object' && !Array.isArray(c) && c.shade ? c.shade : spec.band && row % 2 === 1 ? spec.band : undefined;

/** Rows taller than this (pt, estimated) may break across pages; shorter ones never do. */
const MAX_UNSPLIT_ROW_PT = 280;
/** A table shorter than this (pt, estimated, header included) is kept on one page. */
const MAX_KEPT_TABLE_PT = 300;

/**
 * How a table flows over pages: which body rows must not break (all but very tall ones, so no
 * row leaves a line or a word behind), and whether the whole table stays on one page (short
 * tables: their rows keep with the next, so a page never ends with one or two of their rows).
 */
export function tablePagination(spec: TableSpec): { cantSplit: boolean[]; keepTogether: boolean } {
  const heights = spec.rows.map((row) => rowHeightPt(spec, row));
  const total = heights.reduce((s, h) => s + h, spec.header ? rowHeightPt(spec, spec.header) : 0);
  return { cantSplit: heights.map((h) => h <= MAX_UNSPLIT_ROW_PT), keepTogether: spec.rows.length > 1 && total <= MAX_KEPT_TABLE_PT };
}

/** A bordered table with a fixed grid, widths on every cell and an optional repeated header (docx objects). */
export function docxTable(spec: TableSpec): Table {
  const flow = tablePagination(spec);
  const total = spec.widths.reduce((s, w) => s + w, 0);
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
    const keepNext = flow.keepTogether && r < spec.rows.length - 1;
    rows.push(
      new TableRow({
        ...(flow.cantSplit[r] ? { cantSplit: true } : {}),
        children: spec.widths.map((w, i) => {
          const c = row[i] ?? '';
          const shade = cellShade(spec, c, r);
          return new TableCell({
            width: { size: w, type: WidthType.DXA },
            ...(shade ? { shading: { type: ShadingType.CLEAR, fill: shade, color: 'auto' } } : {}),
            children: cellParagraphs(c, STYLE.tableText, keepNext),
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

// ---------------------------------------------------------------- tables as WordprocessingML text
//
// Tables are most of a large report. Built as docx objects, each cell is a dozen objects that
// the library then walks twice (prepForXml, format) before zipping; writing the same XML as
// text is several times faster. `tableXml` writes exactly what `docxTable` makes the library
// write (a unit test compares the two), and the body gets a marker paragraph that
// `insertRawTables` replaces with the table after packing (see build.ts).

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const escapeXml = (s: string): string => s.replace(/[&"'<>]/g, (ch) => XML_ESCAPES[ch]!);

/** The XML of {@link runs}: one run per line, a break before every line but the first, tabs kept. */
export function runsXml(text: string, opts: { style?: string; color?: string } = {}): string {
  const bold = opts.style === STYLE.strong ? '<w:b/><w:bCs/>' : '';
  const rPr = opts.style || opts.color ? `<w:rPr>${opts.style ? `<w:rStyle w:val="${escapeXml(opts.style)}"/>` : ''}${bold}${opts.color ? `<w:color w:val="${escapeXml(opts.color)}"/>` : ''}</w:rPr>` : '';
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => {
      let inner = i > 0 ? '<w:br/>' : '';
      line.split('\t').forEach((part, j) => {
        if (j > 0) inner += '<w:tab/>';
        if (part !== '') inner += `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`;
      });
      return rPr || inner ? `<w:r>${rPr}${inner}</w:r>` : '<w:r/>';
    })
    .join('');
}

const pXml = (style: string, content: string, keepNext = false): string => `<w:p><w:pPr><w:pStyle w:val="${style}"/>${keepNext ? '<w:keepNext/>' : ''}</w:pPr>${content}</w:p>`;
const shdXml = (fill: string | undefined): string => (fill ? `<w:shd w:fill="${escapeXml(fill)}" w:color="auto" w:val="clear"/>` : '');
const tcXml = (width: number, fill: string | undefined, paragraph: string): string => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${shdXml(fill)}</w:tcPr>${paragraph}</w:tc>`;

function cellXml(c: Exclude<CellContent, Paragraph[]>, keepNext: boolean): string {
  if (typeof c === 'string') return pXml(STYLE.tableText, runsXml(c), keepNext);
  const content = c.link
    ? `<w:hyperlink w:history="1" w:anchor="${escapeXml(c.link)}">${runsXml(c.text, { style: STYLE.hyperlink })}</w:hyperlink>`
    : runsXml(c.text, { ...(c.bold ? { style: STYLE.strong } : {}), ...(c.color ? { color: c.color } : {}) });
  return pXml(STYLE.tableText, content, keepNext);
}

/** The WordprocessingML of a table: what {@link docxTable} makes the docx library write. */
export function tableXml(spec: TableSpec): string {
  const total = spec.widths.reduce((s, w) => s + w, 0);
  const rule = `w:val="single" w:color="${escapeXml(spec.border ?? DEFAULT_BORDER)}" w:sz="4"`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${rule}/>`).join('');
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`,
    ...spec.widths.map((w) => `<w:gridCol w:w="${w}"/>`),
    '</w:tblGrid>',
  ];
  if (spec.header) {
    const repeat = (spec.repeatHeader ?? true) ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>';
    out.push(`<w:tr><w:trPr><w:cantSplit/>${repeat}</w:trPr>`);
    spec.header.forEach((h, i) => out.push(tcXml(spec.widths[i] ?? 1000, spec.headerFill, pXml(STYLE.tableHeading, runsXml(h, spec.headerText ? { color: spec.headerText } : {})))));
    out.push('</w:tr>');
  }
  const flow = tablePagination(spec);
  spec.rows.forEach((row, r) => {
    const keepNext = flow.keepTogether && r < spec.rows.length - 1;
    out.push(flow.cantSplit[r] ? '<w:tr><w:trPr><w:cantSplit/></w:trPr>' : '<w:tr>');
    spec.widths.forEach((w, i) => {
      const c = row[i] ?? '';
      out.push(tcXml(w, cellShade(spec, c, r), cellXml(c as Exclude<CellContent, Paragraph[]>, keepNext)));
    });
    out.push('</w:tr>');
  });
  out.push('</w:tbl>');
  return out.join('');
}

/** Tables written as text during one render, and the marker that stands for each in the body. */
export interface RawTables {
  /** random per render, so no text in the report can forge a marker */
  nonce: string;
  xml: string[];
}

let rawSink: RawTables | undefined;

/** A fresh collection of raw tables with a random nonce. */
export function newRawTables(): RawTables {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return { nonce: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''), xml: [] };
}

/** Tables built from now on go to `sink` as text (undefined: as docx objects). One document at a time. */
export function collectRawTables(sink: RawTables | undefined): void {
  rawSink = sink;
}

const markerText = (nonce: string, index: number): string => `demarc-table-${nonce}-${index}`;

/**
 * Replaces each marker paragraph in a compiled `word/document.xml` with its table. Throws
 * unless every table is inserted exactly once.
 */
export function insertRawTables(documentXml: string, raw: RawTables): string {
  // a marker that ends a section carries the section's properties, which then follow the
  // table in an empty paragraph of their own (as the library writes a section ending in a table)
  const marker = new RegExp(`<w:p>(<w:pPr><w:sectPr>(?:(?!</w:sectPr>)[\\s\\S])*</w:sectPr></w:pPr>)?<w:r><w:t xml:space="preserve">demarc-table-${raw.nonce}-(\\d+)</w:t></w:r></w:p>`, 'g');
  const seen = new Set<number>();
  const out = documentXml.replace(marker, (_, sectPr: string | undefined, n: string) => {
    const i = Number(n);
    const xml = raw.xml[i];
    if (xml === undefined || seen.has(i)) throw new Error(`table marker ${i} is unknown or repeated`);
    seen.add(i);
    return sectPr ? `${xml}<w:p>${sectPr}</w:p>` : xml;
  });
  if (seen.size !== raw.xml.length) throw new Error(`${raw.xml.length - seen.size} table(s) were not found in the document`);
  return out;
}

/** A bordered table with a fixed grid: as text when a render collects raw tables (no cell holds paragraphs), else docx objects. */
export function table(spec: TableSpec): Table | Paragraph {
  estimateTable(spec);
  if (!rawSink || spec.rows.some((row) => row.some((c) => Array.isArray(c)))) return docxTable(spec);
  const index = rawSink.xml.push(tableXml(spec)) - 1;
  return new Paragraph({ children: [new TextRun(markerText(rawSink.nonce, index))] });
}

function cellText(c: CellContent | undefined): string {
  if (c === undefined) return '';
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((p) => paragraphText.get(p) ?? 'x'.repeat(40)).join('\n');
  return c.text;
}

/** Estimated height (pt) of a row: its tallest cell. */
function rowHeightPt(spec: TableSpec, row: readonly CellContent[]): number {
  let lines = 1;
  spec.widths.forEach((w, i) => {
    lines = Math.max(lines, layout.lines(cellText(row[i]), w / 20 - 11, 8.5));
  });
  return lines * 10.6 + 3.5;
}

function estimateTable(spec: TableSpec): void {
  const rows = spec.header ? [spec.header as CellContent[], ...spec.rows] : spec.rows;
  for (const row of rows) layout.advance(rowHeightPt(spec, row));
  layout.advance(8);
}

/** Two-column label/value table. */
export function keyValues(pairs: [string, CellContent][], width: number, fill: string, border?: string): Table | Paragraph {
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
 * Contents entries per full page as LibreOffice lays them out in the default styles (Carlito
 * 10.5 pt, 1.15 lines): 37 at the style's 5 pt after each entry, 46 at 1 pt (measured on the
 * demo report). As pitches in the layout tracker's units.
 */
const TOC_PITCH = 700 / 37;
const TOC_TIGHT_PITCH = 700 / 46;
/** spacing after a tight entry (twips) */
const TOC_TIGHT_AFTER = 20;

/** Pages a contents list of `count` entries takes from `startY` (pt, layout units) and how full its last page is (0-1). */
function tocSpan(count: number, startY: number, pitch: number): { pages: number; lastShare: number } {
  const first = Math.max(0, Math.floor((layout.height - startY) / pitch));
  if (count <= first) return { pages: 1, lastShare: (startY + count * pitch) / layout.height };
  const perPage = Math.floor(layout.height / pitch);
  const rest = count - first;
  const more = Math.ceil(rest / perPage);
  return { pages: 1 + more, lastShare: ((rest - (more - 1) * perPage) * pitch) / layout.height };
}

/** Contents entries that fit on the page below `startY` (layout units), at the normal or the tight spacing. */
export function tocCapacity(startY: number, tight: boolean): number {
  return Math.max(0, Math.floor((layout.height - startY) / (tight ? TOC_TIGHT_PITCH : TOC_PITCH)));
}

/**
 * How the contents list flows from `startY`: the pages it takes and whether its entries are
 * set tight. Tight when the list would otherwise end with a page holding a few entries
 * (under a quarter of a page) and tight spacing saves that page: no near-empty page.
 */
export function tocFlow(count: number, startY: number): { pages: number; tight: boolean } {
  const normal = tocSpan(count, startY, TOC_PITCH);
  const tight = tocSpan(count, startY, TOC_TIGHT_PITCH);
  return normal.pages > 1 && normal.lastShare < SHORT_TAIL && tight.pages < normal.pages ? { pages: tight.pages, tight: true } : { pages: normal.pages, tight: false };
}

/**
 * The table of contents: an entry per level 1-2 heading, each a link to the heading's
 * bookmark with a PAGEREF field for its page. The entries are not wrapped in a TOC field:
 * LibreOffice keeps a TOC field's result as static text (the estimated pages, often several
 * off), but lays out a PAGEREF outside one and prints the real page; Word updates every
 * PAGEREF when it opens the document (`updateFields` is set). The cached number is the
 * estimate. With no heading, an empty TOC field asks Word to build one (F9).
 */
export function tableOfContents(entries: readonly { title: string; level: number; bookmark: string; page: number }[], width: number, tight = false): Paragraph[] {
  if (entries.length === 0) return [new Paragraph({ children: [...fieldBegin('TOC \\o "1-2" \\h \\z \\u', true), ...runs('Update the table of contents (F9) to list the headings.'), fieldEnd()] })];
  return entries.map((e) => {
    const entry = new InternalHyperlink({
      anchor: e.bookmark,
      children: [...runs(e.title), new TextRun({ children: [new Tab()] }), ...(fieldBegin(`PAGEREF ${e.bookmark} \\h`) as TextRun[]), new TextRun(String(e.page)), fieldEnd() as TextRun],
    });
    return new Paragraph({
      style: e.level === 1 ? STYLE.toc1 : STYLE.toc2,
      tabStops: [{ type: TabStopType.RIGHT, position: width, leader: 'dot' }],
      ...(tight ? { spacing: { after: TOC_TIGHT_AFTER } } : {}),
      children: [entry],
    });
  });
}
