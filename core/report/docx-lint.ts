import JSZip from 'jszip';
import { attr, attrNS, internUri, scanXml, type XmlElement } from './xml-scan';

/** One structural problem in a .docx package: the part, and what is wrong. */
export interface DocxProblem {
  part: string;
  rule: string;
  message: string;
}

// interned, so the scanner hands back these very strings and comparisons are by pointer
const W = internUri('http://schemas.openxmlformats.org/wordprocessingml/2006/main');
const R = internUri('http://schemas.openxmlformats.org/officeDocument/2006/relationships');
const CT = internUri('http://schemas.openxmlformats.org/package/2006/content-types');
const PR = internUri('http://schemas.openxmlformats.org/package/2006/relationships');

const PLACEHOLDER = /\{\{\s*[A-Za-z][\w.]*\s*\}\}/;

/** A WordprocessingML attribute, namespaced or written with the usual `w:` prefix. */
const wAttr = (e: XmlElement, name: string): string | null => attrNS(e, W, name) || attr(e, `w:${name}`) || null;

/** A table as the linter sees it: a grid of columns with widths, and a table width. */
interface TableShape {
  grid: boolean;
  /** the first grid (and first table properties) ended: later ones are not read */
  gridDone: boolean;
  prDone: boolean;
  cols: number;
  badCol: boolean;
  pr: boolean;
  tblW: boolean;
}

/** What one pass over a part collects: elements of interest by `uri local`, and table shapes. */
interface PartScan {
  /** by namespace URI, then local name */
  els: Map<string, Map<string, XmlElement[]>>;
  /** header and footer references of each w:sectPr, in document order */
  sections: { headers: XmlElement[]; footers: XmlElement[] }[];
  /** abstractNumId of each w:num, by num element */
  numAbstract: Map<XmlElement, XmlElement>;
  badTables: number;
}

/** The elements the checks read, by namespace and local name. */
const COLLECTED = new Map<string, ReadonlySet<string>>([
  [CT, new Set(['Default', 'Override'])],
  [PR, new Set(['Relationship'])],
  [W, new Set(['comment', 'style', 'abstractNum', 'num', 'pStyle', 'rStyle', 'tblStyle', 'numId', 'bookmarkStart', 'bookmarkEnd', 'hyperlink', 'updateFields'])],
]);

/** Scans a part once: well-formedness, the elements the checks need, table and section shapes. */
function scanPart(xml: string, part: string, problems: DocxProblem[]): PartScan | undefined {
  const scan: PartScan = { els: new Map(), sections: [], numAbstract: new Map(), badTables: 0 };
  const tables: TableShape[] = [];
  const openSections: PartScan['sections'] = [];
  const openNums: XmlElement[] = [];
  const error = scanXml(xml, {
    open(el, parents) {
      if (COLLECTED.get(el.uri)?.has(el.local)) {
        let byLocal = scan.els.get(el.uri);
        if (!byLocal) scan.els.set(el.uri, (byLocal = new Map()));
        const list = byLocal.get(el.local);
        if (list) list.push(el);
        else byLocal.set(el.local, [el]);
      }
      if (el.uri !== W) return;
      const parent = parents[parents.length - 1];
      switch (el.local) {
        case 'tbl':
          tables.push({ grid: false, gridDone: false, prDone: false, cols: 0, badCol: false, pr: false, tblW: false });
          return;
        // the first grid and table properties directly under the table count, as Word reads them
        case 'tblGrid':
        case 'tblPr': {
          const table = tables.at(-1);
          if (table && parent?.local === 'tbl' && parent.uri === W) {
            if (el.local === 'tblGrid') table.grid = true;
            else table.pr = true;
          }
          return;
        }
        case 'gridCol':
        case 'tblW': {
          const table = tables.at(-1);
          const grand = parents[parents.length - 2];
          if (!table || parent?.local !== (el.local === 'gridCol' ? 'tblGrid' : 'tblPr') || grand?.local !== 'tbl') return;
          if (el.local === 'gridCol' ? table.gridDone : table.prDone) return;
          if (el.local === 'tblW') table.tblW = true;
          else {
            table.cols++;
            if (!(Number(wAttr(el, 'w')) > 0)) table.badCol = true;
          }
          return;
        }
        case 'sectPr': {
          const sect = { headers: [], footers: [] };
          scan.sections.push(sect);
          openSections.push(sect);
          return;
        }
        case 'headerReference':
          openSections.at(-1)?.headers.push(el);
          return;
        case 'footerReference':
          openSections.at(-1)?.footers.push(el);
          return;
        case 'num':
          openNums.push(el);
          return;
        case 'abstractNumId': {
          const num = openNums.at(-1);
          if (num && !scan.numAbstract.has(num)) scan.numAbstract.set(num, el);
          return;
        }
        default:
      }
    },
    close(el, parents) {
      if (el.uri !== W) return;
      if ((el.local === 'tblGrid' || el.local === 'tblPr') && parents.at(-1)?.local === 'tbl') {
        const table = tables.at(-1);
        if (table && el.local === 'tblGrid') table.gridDone = true;
        else if (table) table.prDone = true;
      } else if (el.local === 'tbl') {
        const t = tables.pop()!;
        if (!t.grid || t.cols === 0 || t.badCol || !t.tblW) scan.badTables++;
      } else if (el.local === 'sectPr') openSections.pop();
      else if (el.local === 'num') openNums.pop();
    },
  });
  if (error !== undefined) {
    problems.push({ part, rule: 'well-formed', message: error });
    return undefined;
  }
  return scan;
}

const els = (scan: PartScan | undefined, uri: string, local: string): XmlElement[] => scan?.els.get(uri)?.get(local) ?? [];

/** Resolves a relationship target against the folder of its source part. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The part a `.rels` file describes: `word/_rels/document.xml.rels` -> `word/document.xml`. */
const relsSource = (rels: string): string => rels.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');

/** Checks that fields are balanced and carry a cached result, in document order (regex over the raw XML: fast on large parts). */
function checkFields(xml: string, part: string, problems: DocxProblem[]): void {
  const re = /<w:fldChar\b[^>]*w:fldCharType="(begin|separate|end)"[^>]*\/?>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:instrText(?:\s[^>]*)?>([^<]*)<\/w:instrText>/g;
  const stack: { instr: string; separated: boolean; result: boolean }[] = [];
  let bad = 0;
  for (const m of xml.matchAll(re)) {
    if (m[1]) {
      if (m[1] === 'begin') stack.push({ instr: '', separated: false, result: false });
      else if (m[1] === 'separate') {
        const top = stack[stack.length - 1];
        if (!top) problems.push({ part, rule: 'fields', message: 'a field separator without a begin' });
        else top.separated = true;
      } else {
        const top = stack.pop();
        if (!top) {
          problems.push({ part, rule: 'fields', message: 'a field end without a begin' });
          continue;
        }
        if (!top.separated || !top.result) {
          if (bad < 20) problems.push({ part, rule: 'fields', message: `field '${top.instr.trim() || '?'}' has no cached result` });
          bad++;
        }
        // a nested field's result is part of its parent's result
        const parent = stack[stack.length - 1];
        if (parent?.separated) parent.result = true;
      }
    } else if (m[3] !== undefined) {
      const top = stack[stack.length - 1];
      if (top && !top.separated) top.instr += m[3];
    } else if (m[2] !== undefined && m[2].length > 0) {
      for (const f of stack) if (f.separated) f.result = true;
    }
  }
  if (stack.length > 0) problems.push({ part, rule: 'fields', message: `${stack.length} field(s) begun but never ended` });
}

/**
 * A structural linter over a .docx package: what Word checks before it opens a file, and
 * what a deliverable must not contain. Pure (jszip + a one-pass XML scanner), usable by tests and the CLI.
 */
export async function lintDocx(bytes: Uint8Array): Promise<DocxProblem[]> {
  const problems: DocxProblem[] = [];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return [{ part: '(package)', rule: 'zip', message: `not a zip package: ${(e as Error).message}` }];
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const nameSet = new Set(names);
  const xmlParts = names.filter((n) => /\.(xml|rels)$/i.test(n));
  // each part is read and scanned once; the checks below read what the scan collected
  const text = new Map<string, string>();
  const scans = new Map<string, PartScan>();
  for (const n of xmlParts) {
    const s = await zip.file(n)!.async('string');
    text.set(n, s);
    const scan = scanPart(s, n, problems);
    if (scan) scans.set(n, scan);
  }
  checkContentTypes(scans.get('[Content_Types].xml'), names, nameSet, problems);
  const relTargets = checkRelationships(scans, xmlParts, nameSet, problems);

  // comments
  const comments = scans.get('word/comments.xml');
  if (comments && els(comments, W, 'comment').length === 0) problems.push({ part: 'word/comments.xml', rule: 'comments', message: 'empty comments part' });

  const styleIds = new Set(els(scans.get('word/styles.xml'), W, 'style').map((s) => wAttr(s, 'styleId') ?? ''));
  const numIds = checkNumbering(scans.get('word/numbering.xml'), problems);

  const storyParts = xmlParts.filter((n) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/.test(n));
  const bookmarkNames = new Set<string>();
  let hasToc = false;
  for (const part of storyParts) {
    const scan = scans.get(part);
    const raw = text.get(part) ?? '';
    if (!scan) continue;
    checkStyleAndNumberingUse(scan, part, styleIds, numIds, problems);
    checkBookmarks(scan, part, bookmarkNames, problems);
    if (scan.badTables > 0) problems.push({ part, rule: 'tables', message: `${scan.badTables} table(s) without a grid of column widths or a table width` });
    checkFields(raw, part, problems);
    // a contents list of PAGEREF fields needs Word to update them as much as a TOC field does
    if (/<w:instrText[^>]*>\s*(?:TOC|PAGEREF)\b/.test(raw) || /w:instr="\s*(?:TOC|PAGEREF)\b/.test(raw)) hasToc = true;

    // placeholders left in the text
    const textOnly = Array.from(raw.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g), (m) => m[1] ?? '').join('');
    const left = PLACEHOLDER.exec(textOnly);
    if (left) problems.push({ part, rule: 'placeholders', message: `template placeholder left in the text: ${left[0]}` });
  }

  const doc = scans.get('word/document.xml');
  if (!doc) problems.push({ part: 'word/document.xml', rule: 'package', message: 'missing main document part' });
  else checkLinksAndSections(doc, bookmarkNames, relTargets.get('word/document.xml') ?? new Map(), problems);
  if (hasToc) {
    const uf = els(scans.get('word/settings.xml'), W, 'updateFields')[0];
    const val = uf ? wAttr(uf, 'val') : null;
    if (!uf || val === 'false' || val === '0') problems.push({ part: 'word/settings.xml', rule: 'toc', message: 'the document has a table of contents but updateFields is not set' });
  }
  return problems;
}

/** Every part has a content type (a Default for its extension or an Override), and every Override names a part. */
function checkContentTypes(ct: PartScan | undefined, names: readonly string[], nameSet: ReadonlySet<string>, problems: DocxProblem[]): void {
  if (!ct) {
    problems.push({ part: '[Content_Types].xml', rule: 'content-types', message: 'missing' });
    return;
  }
  const defaults = new Set(els(ct, CT, 'Default').map((e) => (attr(e, 'Extension') ?? '').toLowerCase()));
  const overrides = new Set(els(ct, CT, 'Override').map((e) => (attr(e, 'PartName') ?? '').replace(/^\//, '')));
  for (const o of overrides) if (!nameSet.has(o)) problems.push({ part: '[Content_Types].xml', rule: 'content-types', message: `override for missing part ${o}` });
  for (const n of names) {
    if (n === '[Content_Types].xml') continue;
    const ext = n.slice(n.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(n) && !defaults.has(ext)) problems.push({ part: n, rule: 'content-types', message: 'part has no content type' });
  }
}

type Relationships = Map<string, { target: string; type: string; external: boolean }>;

/** Relationship ids are unique and internal targets exist; returns each source part's relationships. */
function checkRelationships(scans: ReadonlyMap<string, PartScan>, xmlParts: readonly string[], nameSet: ReadonlySet<string>, problems: DocxProblem[]): Map<string, Relationships> {
  const relTargets = new Map<string, Relationships>();
  for (const n of xmlParts.filter((x) => x.endsWith('.rels'))) {
    const scan = scans.get(n);
    if (!scan) continue;
    const source = relsSource(n);
    const map: Relationships = new Map();
    for (const r of els(scan, PR, 'Relationship')) {
      const id = attr(r, 'Id') ?? '';
      const target = attr(r, 'Target') ?? '';
      const external = attr(r, 'TargetMode') === 'External';
      if (map.has(id)) problems.push({ part: n, rule: 'relationships', message: `duplicate relationship id ${id}` });
      map.set(id, { target, type: attr(r, 'Type') ?? '', external });
      if (!external) {
        const resolved = resolveTarget(source === '' || n === '_rels/.rels' ? '' : source, target);
        if (!nameSet.has(resolved)) problems.push({ part: n, rule: 'relationships', message: `target ${target} (${resolved}) does not exist` });
      }
    }
    relTargets.set(source, map);
  }
  return relTargets;
}

/** Each num points to an existing abstractNum; returns the defined num ids. */
function checkNumbering(numbering: PartScan | undefined, problems: DocxProblem[]): Set<string> {
  const abstractIds = new Set(els(numbering, W, 'abstractNum').map((a) => wAttr(a, 'abstractNumId') ?? ''));
  const numIds = new Set<string>();
  for (const n of els(numbering, W, 'num')) {
    const id = wAttr(n, 'numId') ?? '';
    numIds.add(id);
    const abs = numbering?.numAbstract.get(n);
    if (abs && !abstractIds.has(wAttr(abs, 'val') ?? '')) problems.push({ part: 'word/numbering.xml', rule: 'numbering', message: `num ${id} points to a missing abstractNum` });
  }
  return numIds;
}

/** Styles and numbering a story part uses are defined. */
function checkStyleAndNumberingUse(scan: PartScan, part: string, styleIds: ReadonlySet<string>, numIds: ReadonlySet<string>, problems: DocxProblem[]): void {
  const missingStyles = new Set<string>();
  for (const tag of ['pStyle', 'rStyle', 'tblStyle'])
    for (const e of els(scan, W, tag)) {
      const v = wAttr(e, 'val') ?? '';
      if (!styleIds.has(v)) missingStyles.add(v);
    }
  for (const s of missingStyles) problems.push({ part, rule: 'styles', message: `style '${s}' is used but not defined` });
  const missingNums = new Set<string>();
  for (const e of els(scan, W, 'numId')) {
    const v = wAttr(e, 'val') ?? '';
    if (v !== '0' && !numIds.has(v)) missingNums.add(v);
  }
  for (const v of missingNums) problems.push({ part, rule: 'numbering', message: `numbering id ${v} is used but not defined` });
}

/** Bookmarks: unique names of at most 40 characters, every start has an end and vice versa. */
function checkBookmarks(scan: PartScan, part: string, bookmarkNames: Set<string>, problems: DocxProblem[]): void {
  const starts = new Map<string, string>();
  for (const b of els(scan, W, 'bookmarkStart')) {
    const name = wAttr(b, 'name') ?? '';
    const id = wAttr(b, 'id') ?? '';
    if (bookmarkNames.has(name)) problems.push({ part, rule: 'bookmarks', message: `duplicate bookmark '${name}'` });
    bookmarkNames.add(name);
    if (name.length > 40) problems.push({ part, rule: 'bookmarks', message: `bookmark '${name}' is longer than 40 characters` });
    if (starts.has(id)) problems.push({ part, rule: 'bookmarks', message: `duplicate bookmark id ${id}` });
    starts.set(id, name);
  }
  const ends = new Set(els(scan, W, 'bookmarkEnd').map((e) => wAttr(e, 'id') ?? ''));
  for (const [id, name] of starts) if (!ends.has(id)) problems.push({ part, rule: 'bookmarks', message: `bookmark '${name}' (id ${id}) is never closed` });
  for (const id of ends) if (!starts.has(id)) problems.push({ part, rule: 'bookmarks', message: `bookmark end ${id} has no start` });
}

/** Internal links point at bookmarks; every section has header and footer references that resolve. */
function checkLinksAndSections(doc: PartScan, bookmarkNames: ReadonlySet<string>, rels: Relationships, problems: DocxProblem[]): void {
  const missing = new Set<string>();
  for (const h of els(doc, W, 'hyperlink')) {
    const anchor = wAttr(h, 'anchor');
    if (anchor && !bookmarkNames.has(anchor)) missing.add(anchor);
  }
  for (const a of missing) problems.push({ part: 'word/document.xml', rule: 'links', message: `link to missing bookmark '${a}'` });
  doc.sections.forEach(({ headers, footers }, i) => {
    if (headers.length === 0 || footers.length === 0) problems.push({ part: 'word/document.xml', rule: 'sections', message: `section ${i + 1} has no ${headers.length === 0 ? 'header' : 'footer'} reference` });
    for (const ref of [...headers, ...footers]) {
      const id = attrNS(ref, R, 'id') || attr(ref, 'r:id') || '';
      if (!rels.has(id)) problems.push({ part: 'word/document.xml', rule: 'sections', message: `section ${i + 1} refers to unknown relationship ${id}` });
    }
  });
}
