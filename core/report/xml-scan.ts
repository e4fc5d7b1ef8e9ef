/**
 * A single-pass, namespace-aware XML scanner that checks well-formedness (XML 1.0 and
 * Namespaces in XML) and reports each start and end tag to handlers, SAX style. It builds no
 * tree, so the structural linter reads a 30 MB `word/document.xml` in one pass instead of
 * materialising a DOM. It checks: one root element; nothing but white space, comments and
 * processing instructions outside it; names; properly nested and matching tags; attribute
 * syntax, quoting and uniqueness; no `<` in attribute values; character and entity references
 * (only the five predefined entities, numeric ones to legal characters); characters legal in
 * XML; `]]>` outside CDATA; comments without `--`; bound namespace prefixes.
 */

export interface XmlElement {
  /** qualified name as written, e.g. `w:p` */
  qname: string;
  /** namespace URI ('' when none) */
  uri: string;
  /** local name, e.g. `p` */
  local: string;
  /** attributes as written: qualified name, value (references decoded), qualified name, value, … */
  attrs: string[];
  /** the in-scope namespace bindings (prefix -> URI) */
  scope: Readonly<Record<string, string>>;
}

export interface XmlHandlers {
  /** a start tag (also for an empty-element tag); `parents` are the open ancestors, root first */
  open?: (el: XmlElement, parents: readonly XmlElement[]) => void;
  /** an end tag (also right after `open` for an empty-element tag) */
  close?: (el: XmlElement, parents: readonly XmlElement[]) => void;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

// XML 1.0 (fifth edition) name characters, Basic Multilingual Plane plus surrogate pairs
const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const NAME = `(?:[${NAME_START}]|[\\uD800-\\uDB7F][\\uDC00-\\uDFFF])(?:[${NAME_CHAR}]|[\\uD800-\\uDB7F][\\uDC00-\\uDFFF])*`;
/** a QName: an optional prefix and a local name, each a name without colons */
const QNAME = `(?:${NAME}(?::${NAME})?)`;
// the name classes hold combining marks and joiners on purpose: XML allows them in names
/* eslint-disable no-misleading-character-class */
const START_TAG_NAME = new RegExp(QNAME, 'y');
const ATTRIBUTE = new RegExp(`[ \\t\\r\\n]+(${QNAME})[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"([^"]*)"|'([^']*)')`, 'y');
// ASCII names (all of WordprocessingML) match these first; the full classes above are the fallback
const ASCII_QNAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?(?![\\w.:\\u00B7\\u00C0-\\uFFFF-])';
const ASCII_START_TAG_NAME = new RegExp(ASCII_QNAME, 'y');
const ASCII_ATTRIBUTE = new RegExp(`[ \\t\\r\\n]+(${ASCII_QNAME})[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"([^"]*)"|'([^']*)')`, 'y');
const TAG_END = /[ \t\r\n]*(\/?)>/y;
const END_TAG = new RegExp(`</(${QNAME})[ \\t\\r\\n]*>`, 'y');
/* eslint-enable no-misleading-character-class */
/** characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; unpaired surrogates) */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what XML forbids
const ILLEGAL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** a surrogate not in a pair (looked for only when the part has surrogates at all: the look-behind is slow) */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const REFERENCE = /&(?:(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_:][\w.:-]*);)?/g;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

class XmlError extends Error {}

/** The bindings every element starts with; declarations chain onto it through prototypes. */
const ROOT_SCOPE: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, { xml: XML_NS, '': '' });

const legalCodePoint = (c: number): boolean => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/** Checks the references in text or an attribute value and returns it decoded. */
function decodeReferences(s: string, where: string): string {
  if (!s.includes('&')) return s;
  return s.replace(REFERENCE, (all, ref: string | undefined) => {
    if (ref === undefined) throw new XmlError(`a bare '&' ${where} (write &amp;)`);
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!legalCodePoint(code)) throw new XmlError(`character reference ${all} ${where} is not a legal XML character`);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) throw new XmlError(`undefined entity ${all} ${where}`);
    return value;
  });
}

/**
 * Checks the text between `start` and `end`: white space only outside the root; inside it, no
 * `]]>` and only well-formed references. Positions of the next `&` and `]]>` are kept across
 * calls, so the whole part is searched once rather than text by text.
 */
function checkText(xml: string, start: number, end: number, inRoot: boolean, st: ScanState): void {
  if (!inRoot) {
    for (let k = start; k < end; k++) {
      const c = xml.charCodeAt(k);
      if (c !== 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) throw new XmlError('text outside the root element');
    }
    return;
  }
  if (st.nextCdataEnd < start) st.nextCdataEnd = indexOrEnd(xml, ']]>', start);
  if (st.nextCdataEnd < end) throw new XmlError("']]>' in text");
  for (;;) {
    if (st.nextAmp < start) st.nextAmp = indexOrEnd(xml, '&', start);
    if (st.nextAmp >= end) return;
    const semi = xml.indexOf(';', st.nextAmp);
    decodeReferences(xml.slice(st.nextAmp, semi < 0 || semi >= end ? st.nextAmp + 1 : semi + 1), 'in text');
    start = st.nextAmp + 1;
  }
}

const indexOrEnd = (xml: string, needle: string, from: number): number => {
  const i = xml.indexOf(needle, from);
  return i < 0 ? xml.length : i;
};

/** Prefix and local name of a QName; memoised, as a part uses few distinct names many times. */
const qnameParts = new Map<string, [prefix: string, local: string]>();
function splitQName(qname: string): [prefix: string, local: string] {
  let parts = qnameParts.get(qname);
  if (!parts) {
    const colon = qname.indexOf(':');
    parts = colon < 0 ? ['', qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
    if (qnameParts.size < 10_000) qnameParts.set(qname, parts);
  }
  return parts;
}

/** The value of an attribute in namespace `uri` with local name `local`, or undefined. */
export function attrNS(el: XmlElement, uri: string, local: string): string | undefined {
  for (let i = 0; i < el.attrs.length; i += 2) {
    const q = el.attrs[i]!;
    const colon = q.indexOf(':');
    if (colon < 0 || q.slice(colon + 1) !== local) continue;
    if (el.scope[q.slice(0, colon)] === uri) return el.attrs[i + 1];
  }
  return undefined;
}

/** The value of an attribute by its name as written (`Id`, `w:val`), or undefined. */
export function attr(el: XmlElement, qname: string): string | undefined {
  for (let i = 0; i < el.attrs.length; i += 2) if (el.attrs[i] === qname) return el.attrs[i + 1];
  return undefined;
}

const uris = new Map<string, string>();
/**
 * One string object per namespace URI, so comparing an element's URI with a constant is a
 * pointer comparison rather than a 60-character one (the scanner reports a million elements).
 * Callers pass their constants here first.
 */
export function internUri(uri: string): string {
  const known = uris.get(uri);
  if (known !== undefined) return known;
  if (uris.size < 1000) uris.set(uri, uri);
  return uri;
}

/** A sticky match at `at`: the fast pattern first, then the full one. */
function stickyExec(fast: RegExp, full: RegExp, xml: string, at: number): RegExpExecArray | null {
  fast.lastIndex = at;
  const m = fast.exec(xml);
  if (m) return m;
  full.lastIndex = at;
  return full.exec(xml);
}

interface ScanState {
  stack: XmlElement[];
  rootSeen: boolean;
  /** position of the next `&` / `]]>` at or after the last text checked (-1: not looked up yet) */
  nextAmp: number;
  nextCdataEnd: number;
}

/** Parses one start tag at `lt` (the `<`); returns the index after it. */
function startTag(xml: string, lt: number, st: ScanState, handlers: XmlHandlers): number {
  const nameMatch = stickyExec(ASCII_START_TAG_NAME, START_TAG_NAME, xml, lt + 1);
  if (!nameMatch) throw new XmlError(`a '<' not followed by a name at offset ${lt}`);
  const qname = nameMatch[0];
  if (st.stack.length === 0 && st.rootSeen) throw new XmlError(`a second root element <${qname}>`);
  let i = lt + 1 + qname.length;
  const attrs: string[] = [];
  let declared: Record<string, string> | undefined;
  for (;;) {
    const a = stickyExec(ASCII_ATTRIBUTE, ATTRIBUTE, xml, i);
    if (!a) break;
    const name = a[1]!;
    const raw = a[2] ?? a[3] ?? '';
    if (raw.includes('<')) throw new XmlError(`'<' in the value of attribute ${name} of <${qname}>`);
    for (let k = 0; k < attrs.length; k += 2) if (attrs[k] === name) throw new XmlError(`attribute ${name} repeated on <${qname}>`);
    const value = decodeReferences(raw, `in attribute ${name} of <${qname}>`);
    attrs.push(name, value);
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      const prefix = name === 'xmlns' ? '' : name.slice(6);
      if (prefix === 'xmlns' || (prefix === 'xml' && value !== XML_NS) || (prefix !== 'xml' && value === XML_NS) || value === XMLNS_NS) throw new XmlError(`reserved namespace binding ${name}="${value}"`);
      if (prefix !== '' && value === '') throw new XmlError(`namespace prefix ${prefix} bound to an empty URI`);
      declared ??= Object.create(st.stack.at(-1)?.scope ?? ROOT_SCOPE) as Record<string, string>;
      declared[prefix] = internUri(value);
    }
    i += a[0].length;
  }
  TAG_END.lastIndex = i;
  const end = TAG_END.exec(xml);
  if (!end) throw new XmlError(`malformed start tag <${qname}> at offset ${lt}`);
  const scope = declared ?? st.stack.at(-1)?.scope ?? ROOT_SCOPE;
  const [prefix, local] = splitQName(qname);
  const uri = scope[prefix];
  if (prefix !== '' && uri === undefined) throw new XmlError(`unbound namespace prefix '${prefix}' on <${qname}>`);
  for (let k = 0; k < attrs.length; k += 2) {
    const [p] = splitQName(attrs[k]!);
    if (p !== '' && p !== 'xmlns' && scope[p] === undefined) throw new XmlError(`unbound namespace prefix '${p}' on attribute ${attrs[k]}`);
  }
  const el: XmlElement = { qname, uri: uri ?? '', local, attrs, scope };
  st.rootSeen = true;
  handlers.open?.(el, st.stack);
  if (end[1] === '/') handlers.close?.(el, st.stack);
  else st.stack.push(el);
  return TAG_END.lastIndex;
}


/** Parses the markup at `lt` that is not a start tag (end tag, comment, CDATA, PI, DOCTYPE). */
function otherMarkup(xml: string, lt: number, st: ScanState, handlers: XmlHandlers): number {
  const next = xml[lt + 1];
  if (next === '/') {
    END_TAG.lastIndex = lt;
    const m = END_TAG.exec(xml);
    if (!m) throw new XmlError(`malformed end tag at offset ${lt}`);
    const open = st.stack.pop();
    if (!open) throw new XmlError(`end tag </${m[1]}> without a start tag`);
    if (open.qname !== m[1]) throw new XmlError(`end tag </${m[1]}> does not match <${open.qname}>`);
    handlers.close?.(open, st.stack);
    return END_TAG.lastIndex;
  }
  if (next === '?') {
    const close = xml.indexOf('?>', lt + 2);
    if (close < 0) throw new XmlError('unterminated processing instruction');
    const target = /^[^ \t\r\n?]+/.exec(xml.slice(lt + 2, close))?.[0] ?? '';
    if (target.toLowerCase() === 'xml' && lt !== 0 && !(lt === 1 && xml.charCodeAt(0) === 0xfeff)) throw new XmlError('an XML declaration not at the start of the part');
    if (!target) throw new XmlError('a processing instruction without a target');
    return close + 2;
  }
  if (xml.startsWith('<!--', lt)) {
    const close = xml.indexOf('-->', lt + 4);
    if (close < 0) throw new XmlError('unterminated comment');
    if (xml.slice(lt + 4, close).includes('--') || xml[close - 1] === '-') throw new XmlError("'--' inside a comment");
    return close + 3;
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    if (st.stack.length === 0) throw new XmlError('CDATA outside the root element');
    const close = xml.indexOf(']]>', lt + 9);
    if (close < 0) throw new XmlError('unterminated CDATA section');
    return close + 3;
  }
  if (xml.startsWith('<!DOCTYPE', lt)) {
    if (st.rootSeen) throw new XmlError('a DOCTYPE after the root element');
    // internal subsets are not used by Office parts; refuse them rather than half-parse them
    const close = xml.indexOf('>', lt);
    if (close < 0 || xml.slice(lt, close).includes('[')) throw new XmlError('a DOCTYPE with an internal subset (not allowed in a package part)');
    return close + 1;
  }
  throw new XmlError(`malformed markup at offset ${lt}`);
}

/**
 * Scans `xml`, calling the handlers for each element, and returns the first well-formedness
 * error as a message, or undefined when the part is well-formed.
 */
export function scanXml(xml: string, handlers: XmlHandlers = {}): string | undefined {
  try {
    const bad = ILLEGAL_CHAR.exec(xml) ?? (/[\uD800-\uDFFF]/.test(xml) ? UNPAIRED_SURROGATE.exec(xml) : null);
    if (bad) throw new XmlError(`illegal XML character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at offset ${bad.index}`);
    const st: ScanState = { stack: [], rootSeen: false, nextAmp: -1, nextCdataEnd: -1 };
    let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (i < xml.length) {
      const lt = xml.indexOf('<', i);
      const end = lt < 0 ? xml.length : lt;
      if (end > i) checkText(xml, i, end, st.stack.length > 0, st);
      if (lt < 0) break;
      const c = xml[lt + 1];
      i = c === '/' || c === '?' || c === '!' ? otherMarkup(xml, lt, st, handlers) : startTag(xml, lt, st, handlers);
    }
    if (st.stack.length > 0) throw new XmlError(`element <${st.stack.at(-1)!.qname}> is never closed`);
    if (!st.rootSeen) throw new XmlError('no root element');
    return undefined;
  } catch (e) {
    if (e instanceof XmlError) return e.message;
    throw e;
  }
}
