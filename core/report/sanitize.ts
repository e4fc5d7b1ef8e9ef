/**
 * Untrusted text (answers, notes, resource names, tags, evidence values) on its way into
 * the document. The docx library escapes XML markup but not code points XML 1.0 forbids,
 * and it would happily write a lone surrogate — either makes Word refuse the file.
 */

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// (the `u` flag matches lone surrogates as single code points, so they are caught too)
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Replaces code points XML 1.0 forbids (control characters, lone surrogates, U+FFFE/FFFF) with U+FFFD or drops them. */
export function xmlSafe(text: string): string {
  if (!ILLEGAL_XML.test(text)) return text;
  ILLEGAL_XML.lastIndex = 0;
  // control characters vanish; a broken surrogate is shown as the replacement character
  return text.replace(ILLEGAL_XML, (ch) => (LONE_SURROGATE.test(ch) ? '\uFFFD' : ''));
}

/**
 * Breaks `{{` and `}}` in user data with a zero-width space, so text typed by a client never
 * reads as a template placeholder (to the linter, to a later mail-merge, or to a reader
 * wondering whether the report was finished). It renders identically.
 */
export function breakPlaceholders(text: string): string {
  return text.includes('{{') || text.includes('}}') ? text.replace(/\{\{/g, '{\u200B{').replace(/\}\}/g, '}\u200B}') : text;
}

const GUID = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g;

/** Masks every GUID (tenant, subscription, principal ids) except its last four characters. */
export function maskGuids(text: string): string {
  return text.replace(GUID, (g) => `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx${g.slice(-4)}`);
}

const EMAIL = /\b[A-Za-z0-9._%+'-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\b/g;

/** FNV-1a over the text: a short, stable pseudonym, so one person reads the same throughout a report. */
function pseudonym(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').slice(0, 6);
}

/**
 * Masks people's names in Microsoft Graph evidence (personal data): every e-mail-shaped user
 * principal name becomes `user-<pseudonym>@<domain>`, keeping the domain (the tenant's, which
 * the report names anyway) and telling people apart without naming them. The pseudonym is a
 * hash, not encryption: it hides names from a reader, not from someone guessing candidates.
 */
export function maskPersonalNames(text: string): string {
  return text.replace(EMAIL, (address, domain: string) => `user-${pseudonym(address.toLowerCase())}@${domain}`);
}

/** A person's name as a Graph user finding gives it: a user principal name, or (rarely) a display name. */
export function maskPersonName(name: string): string {
  return /@[A-Za-z0-9-]+\./.test(name) ? maskPersonalNames(name) : `user-${pseudonym(name.toLowerCase())}`;
}

/** Cuts very long text (a 100 KB note) to `max` characters, saying so. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // do not split a surrogate pair
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)} … [truncated: ${text.length - cut} more characters in the assessment]`;
}

/** Options for {@link cleanUserText}. */
export interface CleanOptions {
  mask: boolean;
  max?: number;
  /** the text names people (Microsoft Graph evidence): masking also masks their names; `person`: the whole text is one person's name */
  personalData?: boolean | 'person';
}

/** The one entry point for untrusted text: XML-safe, placeholder-proof, masked, bounded. */
export function cleanUserText(text: unknown, options: CleanOptions): string {
  let s = typeof text === 'string' ? text : text === undefined || text === null ? '' : typeof text === 'object' ? JSON.stringify(text) : String(text);
  if (options.max !== undefined) s = truncate(s, options.max);
  s = xmlSafe(s);
  if (options.mask) s = maskGuids(options.personalData === 'person' ? maskPersonName(s) : options.personalData ? maskPersonalNames(s) : s);
  return breakPlaceholders(s);
}
