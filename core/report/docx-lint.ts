import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';

/** One structural problem in a .docx package: the part, and what is wrong. */
export interface DocxProblem {
  part: string;
  rule: string;
  message: string;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';

const PLACEHOLDER = /\{\{\s*[A-Za-z][\w.]*\s*\}\}/;

function parse(xml: string, part: string, problems: DocxProblem[]): XmlDocument | undefined {
  let failed = false;
  const report = (message: unknown): void => {
    if (!failed) problems.push({ part, rule: 'well-formed', message: String(message instanceof Error ? message.message : message).split('\n')[0] ?? 'not well-formed' });
    failed = true;
  };
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') report(message);
      },
    }).parseFromString(xml, 'application/xml');
    return failed ? undefined : doc;
  } catch (e) {
    // xmldom throws on fatal errors after reporting them
    report(e);
    return undefined;
  }
}

const els = (doc: XmlDocument | Element, ns: string, name: string): Element[] => Array.from(doc.getElementsByTagNameNS(ns, name));

/** One walk over a (large) part, collecting the WordprocessingML elements of interest by local name. */
function collect(doc: XmlDocument, names: readonly string[]): Map<string, Element[]> {
  const out = new Map<string, Element[]>(names.map((n) => [n, []]));
  const stack: Element[] = doc.documentElement ? [doc.documentElement as unknown as Element] : [];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.namespaceURI === W) out.get(e.localName ?? '')?.push(e);
    for (let c = e.lastChild; c; c = c.previousSibling) if (c.nodeType === 1) stack.push(c as Element);
  }
  return out;
}
const wAttr = (e: Element, name: string): string | null => e.getAttributeNS(W, name) || e.getAttribute(`w:${name}`);

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
 * what a deliverable must not contain. Pure (jszip + xmldom), usable by tests and the CLI.
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
  const text = new Map<string, string>();
  const docs = new Map<string, XmlDocument>();
  for (const n of xmlParts) {
    const s = await zip.file(n)!.async('string');
    text.set(n, s);
    const d = parse(s, n, problems);
    if (d) docs.set(n, d);
  }

  // content types
  const ct = docs.get('[Content_Types].xml');
  if (!ct) problems.push({ part: '[Content_Types].xml', rule: 'content-types', message: 'missing' });
  else {
    const defaults = new Set(els(ct, CT, 'Default').map((e) => (e.getAttribute('Extension') ?? '').toLowerCase()));
    const overrides = new Set(els(ct, CT, 'Override').map((e) => (e.getAttribute('PartName') ?? '').replace(/^\//, '')));
    for (const o of overrides) if (!nameSet.has(o)) problems.push({ part: '[Content_Types].xml', rule: 'content-types', message: `override for missing part ${o}` });
    for (const n of names) {
      if (n === '[Content_Types].xml') continue;
      const ext = n.slice(n.lastIndexOf('.') + 1).toLowerCase();
      if (!overrides.has(n) && !defaults.has(ext)) problems.push({ part: n, rule: 'content-types', message: 'part has no content type' });
    }
  }

  // relationships
  const relTargets = new Map<string, Map<string, { target: string; type: string; external: boolean }>>();
  for (const n of xmlParts.filter((x) => x.endsWith('.rels'))) {
    const d = docs.get(n);
    if (!d) continue;
    const source = relsSource(n);
    const map = new Map<string, { target: string; type: string; external: boolean }>();
    for (const r of els(d, PR, 'Relationship')) {
      const id = r.getAttribute('Id') ?? '';
      const target = r.getAttribute('Target') ?? '';
      const external = r.getAttribute('TargetMode') === 'External';
      if (map.has(id)) problems.push({ part: n, rule: 'relationships', message: `duplicate relationship id ${id}` });
      map.set(id, { target, type: r.getAttribute('Type') ?? '', external });
      if (!external) {
        const resolved = resolveTarget(source === '' || n === '_rels/.rels' ? '' : source, target);
        if (!nameSet.has(resolved)) problems.push({ part: n, rule: 'relationships', message: `target ${target} (${resolved}) does not exist` });
      }
    }
    relTargets.set(source, map);
  }

  // comments
  const comments = docs.get('word/comments.xml');
  if (comments && els(comments, W, 'comment').length === 0) problems.push({ part: 'word/comments.xml', rule: 'comments', message: 'empty comments part' });

  // styles and numbering
  const styles = docs.get('word/styles.xml');
  const styleIds = new Set(styles ? els(styles, W, 'style').map((s) => wAttr(s, 'styleId') ?? '') : []);
  const numbering = docs.get('word/numbering.xml');
  const abstractIds = new Set(numbering ? els(numbering, W, 'abstractNum').map((a) => wAttr(a, 'abstractNumId') ?? '') : []);
  const numIds = new Set<string>();
  if (numbering)
    for (const n of els(numbering, W, 'num')) {
      const id = wAttr(n, 'numId') ?? '';
      numIds.add(id);
      const abs = els(n, W, 'abstractNumId')[0];
      if (abs && !abstractIds.has(wAttr(abs, 'val') ?? '')) problems.push({ part: 'word/numbering.xml', rule: 'numbering', message: `num ${id} points to a missing abstractNum` });
    }

  const storyParts = xmlParts.filter((n) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/.test(n));
  const bookmarkNames = new Set<string>();
  let hasToc = false;
  let documentLinks: Element[] = [];
  let documentSections: Element[] = [];
  for (const part of storyParts) {
    const d = docs.get(part);
    const raw = text.get(part) ?? '';
    if (!d) continue;
    const found = collect(d, ['pStyle', 'rStyle', 'tblStyle', 'numId', 'bookmarkStart', 'bookmarkEnd', 'tbl', 'hyperlink', 'sectPr']);
    const get = (name: string): Element[] => found.get(name) ?? [];
    if (part === 'word/document.xml') {
      documentLinks = get('hyperlink');
      documentSections = get('sectPr');
    }
    const missingStyles = new Set<string>();
    for (const tag of ['pStyle', 'rStyle', 'tblStyle']) for (const e of get(tag)) {
      const v = wAttr(e, 'val') ?? '';
      if (!styleIds.has(v)) missingStyles.add(v);
    }
    for (const s of missingStyles) problems.push({ part, rule: 'styles', message: `style '${s}' is used but not defined` });
    const missingNums = new Set<string>();
    for (const e of get('numId')) {
      const v = wAttr(e, 'val') ?? '';
      if (v !== '0' && !numIds.has(v)) missingNums.add(v);
    }
    for (const v of missingNums) problems.push({ part, rule: 'numbering', message: `numbering id ${v} is used but not defined` });

    // bookmarks: unique names <= 40 characters, every start has an end and vice versa
    const starts = new Map<string, string>();
    for (const b of get('bookmarkStart')) {
      const name = wAttr(b, 'name') ?? '';
      const id = wAttr(b, 'id') ?? '';
      if (bookmarkNames.has(name)) problems.push({ part, rule: 'bookmarks', message: `duplicate bookmark '${name}'` });
      bookmarkNames.add(name);
      if (name.length > 40) problems.push({ part, rule: 'bookmarks', message: `bookmark '${name}' is longer than 40 characters` });
      if (starts.has(id)) problems.push({ part, rule: 'bookmarks', message: `duplicate bookmark id ${id}` });
      starts.set(id, name);
    }
    const ends = new Set(get('bookmarkEnd').map((e) => wAttr(e, 'id') ?? ''));
    for (const [id, name] of starts) if (!ends.has(id)) problems.push({ part, rule: 'bookmarks', message: `bookmark '${name}' (id ${id}) is never closed` });
    for (const id of ends) if (!starts.has(id)) problems.push({ part, rule: 'bookmarks', message: `bookmark end ${id} has no start` });

    // tables: a grid whose columns have widths, and a table width
    let tableProblems = 0;
    for (const tbl of get('tbl')) {
      const grid = Array.from(tbl.childNodes).find((n) => (n as Element).localName === 'tblGrid') as Element | undefined;
      const cols = grid ? Array.from(grid.childNodes).filter((n) => (n as Element).localName === 'gridCol') as Element[] : [];
      const tblPr = Array.from(tbl.childNodes).find((n) => (n as Element).localName === 'tblPr') as Element | undefined;
      const tblW = tblPr ? Array.from(tblPr.childNodes).find((n) => (n as Element).localName === 'tblW') : undefined;
      if (!grid || cols.length === 0 || cols.some((c) => !(Number(wAttr(c, 'w')) > 0)) || !tblW) tableProblems++;
    }
    if (tableProblems > 0) problems.push({ part, rule: 'tables', message: `${tableProblems} table(s) without a grid of column widths or a table width` });

    checkFields(raw, part, problems);
    if (/<w:instrText[^>]*>\s*TOC\b/.test(raw) || /w:instr="\s*TOC\b/.test(raw)) hasToc = true;

    // placeholders left in the text
    const textOnly = Array.from(raw.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g), (m) => m[1] ?? '').join('');
    const left = PLACEHOLDER.exec(textOnly);
    if (left) problems.push({ part, rule: 'placeholders', message: `template placeholder left in the text: ${left[0]}` });
  }

  // internal links point at bookmarks
  const doc = docs.get('word/document.xml');
  if (!doc) problems.push({ part: 'word/document.xml', rule: 'package', message: 'missing main document part' });
  else {
    const missing = new Set<string>();
    for (const h of documentLinks) {
      const anchor = wAttr(h, 'anchor');
      if (anchor && !bookmarkNames.has(anchor)) missing.add(anchor);
    }
    for (const a of missing) problems.push({ part: 'word/document.xml', rule: 'links', message: `link to missing bookmark '${a}'` });
    // every section has header and footer references, which resolve
    const rels = relTargets.get('word/document.xml') ?? new Map();
    const sects = documentSections;
    sects.forEach((s, i) => {
      const hdr = els(s, W, 'headerReference');
      const ftr = els(s, W, 'footerReference');
      if (hdr.length === 0 || ftr.length === 0) problems.push({ part: 'word/document.xml', rule: 'sections', message: `section ${i + 1} has no ${hdr.length === 0 ? 'header' : 'footer'} reference` });
      for (const ref of [...hdr, ...ftr]) {
        const id = ref.getAttributeNS(R, 'id') || ref.getAttribute('r:id') || '';
        if (!rels.has(id)) problems.push({ part: 'word/document.xml', rule: 'sections', message: `section ${i + 1} refers to unknown relationship ${id}` });
      }
    });
  }
  if (hasToc) {
    const settings = docs.get('word/settings.xml');
    const uf = settings ? els(settings, W, 'updateFields')[0] : undefined;
    const val = uf ? wAttr(uf, 'val') : null;
    if (!uf || val === 'false' || val === '0') problems.push({ part: 'word/settings.xml', rule: 'toc', message: 'the document has a table of contents but updateFields is not set' });
  }
  return problems;
}
