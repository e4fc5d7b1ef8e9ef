import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

/**
 * Report templates (templates/<name>/): branding, classification text, section order and
 * toggles, Markdown text blocks with logic-less `{{placeholders}}`, an optional logo and an
 * optional Word reference document whose styles the report uses. Templates are data: they
 * never execute code, and placeholders are replaced by plain text only.
 */

/** One file of a template folder, read by the host. Binary files (logo, reference .docx) carry bytes. */
export interface TemplateFile {
  /** path relative to the template folder, forward slashes: `blocks/disclaimer.md` */
  path: string;
  text?: string;
  bytes?: Uint8Array;
}

/** A template problem: file, 1-based line when known, and what is wrong. */
export interface TemplateProblem {
  file: string;
  line?: number;
  message: string;
}

/** Every section the report can contain, in the default order. */
export const SECTION_IDS = [
  'cover',
  'document-control',
  'contents',
  'disclaimer',
  'executive-summary',
  'scope-approach',
  'methodology',
  'environment',
  'shared-responsibility',
  'provider-commitments',
  'register-summary',
  'themes',
  'risk-details',
  'roadmap',
  'ir-plan',
  'appendix-register',
  'appendix-scales',
  'appendix-interview-log',
  'appendix-evidence',
  'appendix-glossary',
  'appendix-sign-off',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Text blocks every template must provide (`blocks/<id>.md`). */
export const BLOCK_IDS = [
  'disclaimer',
  'limitations',
  'executive-summary',
  'scope-approach',
  'methodology',
  'environment',
  'shared-responsibility',
  'register',
  'roadmap',
  'ir-introduction',
  'ir-microsoft',
  'ir-support',
  'ir-communication',
  'ir-post-incident',
  'ir-testing',
  'ir-maintenance',
  'glossary',
  'references',
  'sign-off',
] as const;
/**
 * Text blocks a template may provide; sections added after templates were copied read them
 * when present, so an older template keeps passing `demarc template check`.
 */
export const OPTIONAL_BLOCK_IDS = ['provider-commitments'] as const;
export type BlockId = (typeof BLOCK_IDS)[number] | (typeof OPTIONAL_BLOCK_IDS)[number];

/** The placeholders a template may use. Values are computed by the report model. */
export const PLACEHOLDERS = {
  client: 'the client organisation',
  engagement: 'the engagement (assessment) name',
  reportTitle: 'the report title',
  irPlanTitle: 'the incident response plan title',
  firmName: 'the consulting firm (branding.firmName)',
  preparedBy: 'who prepared the report',
  preparedFor: 'who the report is for',
  version: 'document version',
  date: 'report date (e.g. 29 November 2026)',
  classification: 'classification marking',
  packTitle: 'content pack title',
  packVersion: 'content pack version',
  matrixTitle: 'responsibility matrix title',
  matrixVersion: 'responsibility matrix version',
  matrixSource: 'responsibility matrix source (citation)',
  riskMatrixTitle: 'risk matrix title',
  riskMatrixSource: 'risk matrix source (citation)',
  snapshotTime: 'time of the latest inventory snapshot',
  resourceCount: 'resources in the inventory',
  subscriptionCount: 'subscriptions in scope',
  subscriptions: 'subscriptions in scope, counted with the noun ("1 subscription", "4 subscriptions")',
  riskCount: 'risks in the register',
  customerRiskCount: 'risks the customer owns',
  microsoftRiskCount: 'risks Microsoft owns',
  sharedRiskCount: 'shared risks',
  postureRating: 'overall posture rating',
  questionsAnswered: 'interview questions answered',
  serviceModels: 'service models in scope',
  supportPlan: "the client's Microsoft support arrangement (incident response setup, else the interview answer)",
  criticality: 'business criticality of the workloads in scope',
} as const;
export type PlaceholderName = keyof typeof PLACEHOLDERS;

const hex = z.string().regex(/^[0-9A-Fa-f]{6}$/, 'a colour is six hex digits, like 1F3864');
const fontName = z.string().regex(/^[\p{L}\p{N} -]{1,64}$/u, 'a font name (letters, digits, spaces)');

/**
 * The palette of the document beyond the brand colours: risk-level fills, owner shading,
 * label cells and rules. Every key is optional; the defaults are the colours the default
 * template has always used, so a template without a `theme` renders as before.
 */
export const DEFAULT_THEME = {
  /** fills of the risk levels, top level first (the text on the first one is `levelText`) */
  levelFills: ['9C1C1C', 'E8862E', 'F9D67A', 'EAF4E4', 'FFFFFF'],
  levelText: 'FFFFFF',
  /** label column of key/value tables (cover, scope, risk facts) */
  labelFill: 'F2F2F2',
  /** matrix cells owned by the customer, and shared ones */
  customerFill: 'DDEBF7',
  sharedFill: 'FFF2CC',
  /** table rules, and the rules between heat-map cells */
  tableBorder: 'A6A6A6',
  heatMapRule: 'FFFFFF',
  /** body text, and the shading behind code */
  bodyText: '262626',
  codeFill: 'F2F2F2',
} as const;

export const ThemeSchema = z.strictObject({
  levelFills: z.array(hex).min(1).max(10).default([...DEFAULT_THEME.levelFills]),
  levelText: hex.default(DEFAULT_THEME.levelText),
  labelFill: hex.default(DEFAULT_THEME.labelFill),
  customerFill: hex.default(DEFAULT_THEME.customerFill),
  sharedFill: hex.default(DEFAULT_THEME.sharedFill),
  tableBorder: hex.default(DEFAULT_THEME.tableBorder),
  heatMapRule: hex.default(DEFAULT_THEME.heatMapRule),
  bodyText: hex.default(DEFAULT_THEME.bodyText),
  codeFill: hex.default(DEFAULT_THEME.codeFill),
});
export type Theme = z.infer<typeof ThemeSchema>;

/** `template.yaml`. */
export const TemplateManifestSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  branding: z.strictObject({
    firmName: z.string().min(1),
    logo: z.string().optional(),
    colours: z.strictObject({ primary: hex, accent: hex, muted: hex, tableHeader: hex, tableHeaderText: hex, tableBand: hex }),
    fonts: z.strictObject({ body: fontName, headings: fontName, mono: fontName }),
    theme: ThemeSchema.prefault({}),
  }),
  classification: z.strictObject({ marking: z.string().min(1), notice: z.string().min(1) }),
  document: z.strictObject({
    reportTitle: z.string().min(1),
    irPlanTitle: z.string().min(1),
    preparedBy: z.string().min(1),
    version: z.string().min(1),
  }),
  sections: z.array(z.union([z.enum(SECTION_IDS), z.strictObject({ id: z.enum(SECTION_IDS), enabled: z.boolean() })])).min(1),
  referenceDocx: z.string().optional(),
});
export type TemplateManifest = z.infer<typeof TemplateManifestSchema>;

/** An inline piece of a Markdown block. */
export type Inline = { kind: 'text'; text: string; bold?: boolean; italic?: boolean } | { kind: 'placeholder'; name: string; bold?: boolean; italic?: boolean };

/** A block-level piece of a Markdown block. */
export type MdBlock =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'heading'; level: 1 | 2; inlines: Inline[] }
  | { kind: 'bullets'; items: Inline[][] }
  | { kind: 'numbered'; items: Inline[][] };

/** A parsed block with the line each part starts on (for problems). */
export interface ParsedBlock {
  id: string;
  file: string;
  blocks: MdBlock[];
}

/** A loaded image (logo), with its pixel size read from the file header. */
export interface TemplateImage {
  file: string;
  type: 'png' | 'jpg';
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** A loaded template, ready for the renderer. */
export interface ReportTemplate {
  manifest: TemplateManifest;
  /** enabled sections in order */
  sections: SectionId[];
  blocks: Map<string, ParsedBlock>;
  logo?: TemplateImage;
  /** word/styles.xml of the reference document, when one is given */
  referenceStylesXml?: string;
  /** raw bytes of the reference document (styles are read from it asynchronously) */
  referenceDocx?: Uint8Array;
}

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Splits text into text and placeholder pieces (`{{ name }}`). */
function splitPlaceholders(text: string, bold: boolean, italic: boolean): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    if (m.index > last) out.push(withMarks({ kind: 'text', text: text.slice(last, m.index) }, bold, italic));
    out.push(withMarks({ kind: 'placeholder', name: m[1] ?? '' }, bold, italic));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(withMarks({ kind: 'text', text: text.slice(last) }, bold, italic));
  return out;
}

function withMarks<T extends Inline>(i: T, bold: boolean, italic: boolean): T {
  if (bold) i.bold = true;
  if (italic) i.italic = true;
  return i;
}

/** Parses inline Markdown: `**bold**`, `*italic*` / `_italic_`, and placeholders. Nothing else is special. */
export function parseInlines(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*|_([^_]+)_/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push(...splitPlaceholders(text.slice(last, m.index), false, false));
    if (m[1] !== undefined) out.push(...splitPlaceholders(m[1], true, false));
    else out.push(...splitPlaceholders(m[2] ?? m[3] ?? '', false, true));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(...splitPlaceholders(text.slice(last), false, false));
  return out;
}

/**
 * Parses the Markdown subset of text blocks: paragraphs (blank-line separated), `#` / `##`
 * headings (rendered one and two levels below the section heading), `-` bullets and `1.`
 * numbered items. Returns the blocks and every placeholder with its line.
 */
export function parseMarkdown(text: string): { blocks: MdBlock[]; placeholders: { name: string; line: number }[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  const placeholders: { name: string; line: number }[] = [];
  let para: string[] = [];
  let list: { kind: 'bullets' | 'numbered'; items: string[] } | undefined;
  const flushPara = (): void => {
    if (para.length > 0) blocks.push({ kind: 'paragraph', inlines: parseInlines(para.join(' ')) });
    para = [];
  };
  const flushList = (): void => {
    if (list) blocks.push({ kind: list.kind, items: list.items.map(parseInlines) });
    list = undefined;
  };
  lines.forEach((raw, i) => {
    for (const m of raw.matchAll(PLACEHOLDER_RE)) placeholders.push({ name: (m[1] ?? '').trim(), line: i + 1 });
    const line = raw.trimEnd();
    const heading = /^(#{1,2})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      flushPara();
      flushList();
    } else if (heading) {
      flushPara();
      flushList();
      blocks.push({ kind: 'heading', level: heading[1]!.length === 1 ? 1 : 2, inlines: parseInlines(heading[2] ?? '') });
    } else if (bullet || numbered) {
      flushPara();
      const kind = bullet ? 'bullets' : 'numbered';
      if (list && list.kind !== kind) flushList();
      list ??= { kind, items: [] };
      list.items.push((bullet ?? numbered)![1] ?? '');
    } else if (list && /^\s{2,}\S/.test(raw)) {
      // continuation of a list item
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      para.push(line.trim());
    }
  });
  flushPara();
  flushList();
  return { blocks, placeholders };
}

/** True when `name` is a known placeholder. */
export const isPlaceholder = (name: string): name is PlaceholderName => Object.hasOwn(PLACEHOLDERS, name);

/** Reads the pixel size of a PNG or JPEG; undefined when the bytes are neither. */
export function probeImage(bytes: Uint8Array): { type: 'png' | 'jpg'; width: number; height: number } | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > 24 && png.every((b, i) => bytes[i] === b)) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const width = dv.getUint32(16);
    const height = dv.getUint32(20);
    return width > 0 && height > 0 && width < 20000 && height < 20000 ? { type: 'png', width, height } : undefined;
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1]!;
      const len = (bytes[i + 2]! << 8) | bytes[i + 3]!;
      // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC)
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = (bytes[i + 5]! << 8) | bytes[i + 6]!;
        const width = (bytes[i + 7]! << 8) | bytes[i + 8]!;
        return width > 0 && height > 0 ? { type: 'jpg', width, height } : undefined;
      }
      i += 2 + len;
    }
  }
  return undefined;
}

const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/**
 * Loads a template from its files. Never throws on bad content: every problem is returned
 * with its file and line, and `template` is undefined when the template cannot be used;
 * `manifest` is there whenever template.yaml itself is valid (for {@link checkTemplate},
 * which checks the styles of a reference document asynchronously).
 */
export function loadTemplate(files: readonly TemplateFile[]): { template?: ReportTemplate; manifest?: TemplateManifest; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const manifestFile = byPath.get('template.yaml');
  if (!manifestFile || manifestFile.text === undefined) {
    problems.push({ file: 'template.yaml', message: 'missing: every template has a template.yaml' });
    return { problems };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(manifestFile.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ file: 'template.yaml', line: lineCounter.linePos(e.pos[0]).line, message: `YAML syntax error: ${e.message.split('\n')[0]}` });
    return { problems };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const parsed = TemplateManifestSchema.safeParse(doc.toJS({ maxAliasCount: 10 }));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      problems.push({ file: 'template.yaml', line: lineOf(issue.path), message: `${path ? `${path}: ` : ''}${issue.message}` });
    }
    return { problems };
  }
  const manifest = parsed.data;

  // placeholders in the manifest's own text
  const manifestText = manifestFile.text.split(/\r?\n/);
  manifestText.forEach((line, i) => {
    for (const m of line.matchAll(PLACEHOLDER_RE)) {
      const name = (m[1] ?? '').trim();
      if (!isPlaceholder(name)) problems.push({ file: 'template.yaml', line: i + 1, message: `unknown placeholder {{${name}}}` });
    }
  });

  // sections: each once
  const sections: SectionId[] = [];
  const seen = new Set<string>();
  manifest.sections.forEach((s, i) => {
    const id = typeof s === 'string' ? s : s.id;
    const enabled = typeof s === 'string' ? true : s.enabled;
    if (seen.has(id)) problems.push({ file: 'template.yaml', line: lineOf(['sections', i]), message: `section '${id}' is listed twice` });
    seen.add(id);
    if (enabled) sections.push(id);
  });
  if (sections[0] !== 'cover' && sections.includes('cover'))
    problems.push({ file: 'template.yaml', line: lineOf(['sections']), message: "the 'cover' section must come first" });

  // blocks
  const blocks = new Map<string, ParsedBlock>();
  for (const id of [...BLOCK_IDS, ...OPTIONAL_BLOCK_IDS]) {
    const file = `blocks/${id}.md`;
    const f = byPath.get(file);
    if (!f || f.text === undefined) {
      if ((BLOCK_IDS as readonly string[]).includes(id)) problems.push({ file, message: `missing block '${id}'` });
      continue;
    }
    const { blocks: md, placeholders } = parseMarkdown(f.text);
    for (const p of placeholders) if (!isPlaceholder(p.name)) problems.push({ file, line: p.line, message: `unknown placeholder {{${p.name}}}` });
    if (md.length === 0) problems.push({ file, line: 1, message: `block '${id}' is empty` });
    blocks.set(id, { id, file, blocks: md });
  }
  for (const f of files) {
    const m = /^blocks\/(.+)\.md$/.exec(f.path);
    const known: readonly string[] = [...BLOCK_IDS, ...OPTIONAL_BLOCK_IDS];
    if (m && !known.includes(m[1]!)) problems.push({ file: f.path, message: `unknown block '${m[1]}' (known: ${known.join(', ')})` });
  }

  const template: ReportTemplate = { manifest, sections, blocks };

  // logo
  if (manifest.branding.logo !== undefined) {
    const f = byPath.get(manifest.branding.logo);
    const line = lineOf(['branding', 'logo']);
    if (!f?.bytes) problems.push({ file: 'template.yaml', line, message: `logo '${manifest.branding.logo}' not found in the template folder` });
    else if (f.bytes.length > MAX_LOGO_BYTES) problems.push({ file: f.path, message: `logo is ${f.bytes.length} bytes; keep it under ${MAX_LOGO_BYTES}` });
    else {
      const probe = probeImage(f.bytes);
      if (!probe) problems.push({ file: f.path, message: 'bad image: the logo must be a PNG or JPEG file' });
      else template.logo = { file: f.path, bytes: f.bytes, ...probe };
    }
  }
  if (manifest.referenceDocx !== undefined) {
    const f = byPath.get(manifest.referenceDocx);
    if (!f?.bytes) problems.push({ file: 'template.yaml', line: lineOf(['referenceDocx']), message: `reference document '${manifest.referenceDocx}' not found in the template folder` });
    else template.referenceDocx = f.bytes;
  }
  return { template: problems.length === 0 ? template : undefined, manifest, problems };
}

/** Replaces placeholders with values; a value is plain text and is never parsed again. */
export function resolveInlines(inlines: readonly Inline[], values: Readonly<Record<string, string>>): { text: string; bold?: boolean; italic?: boolean }[] {
  return inlines.map((i) => {
    const text = i.kind === 'text' ? i.text : (values[i.name] ?? '');
    const out: { text: string; bold?: boolean; italic?: boolean } = { text };
    if (i.bold) out.bold = true;
    if (i.italic) out.italic = true;
    return out;
  });
}

/** Substitutes placeholders in a one-line template string (manifest text such as the classification notice). */
export function fillText(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER_RE, (_, name: string) => values[name.trim()] ?? '');
}
