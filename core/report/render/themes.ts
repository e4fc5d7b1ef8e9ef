import { Bookmark, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { RiskView, ThemeView } from '../model';
import { evidenceSummary } from './evidence-summary';
import { heading, layout, link, para, runs, STYLE } from './primitives';
import { brandColours, themedLevel, themeOf, type Block, type Ctx } from './context';
import { howKnownSummary } from './risks';

// The register grouped into themes (the default body of the report). At standard depth each
// risk gets a short entry (rating, owner, how known, evidence, fix); at executive depth one
// line; at full technical depth one line linking to the risk's own page.

export const THEMES_BOOKMARK = 'risk_themes';

/** Where the full register lives when the document does not print it. */
export const REGISTER_IN_SPREADSHEET =
  'The full register, with every field, the evidence, the portal steps and commands and the framework mappings, is delivered as a spreadsheet (XLSX) with this report.';

export function themesChapter(ctx: Ctx): Block[] {
  const { model } = ctx;
  const out: Block[] = [heading(1, 'Risks by theme', THEMES_BOOKMARK)];
  out.push(para(themesIntro(ctx)));
  if (model.risks.length > 0) out.push(para(howKnownSummary(model.risks)));
  if (model.depth !== 'full') out.push(para(REGISTER_IN_SPREADSHEET));
  for (const t of model.themes) out.push(...themeSection(ctx, t));
  if (model.risks.length === 0) out.push(para('No risk was raised.'));
  return out;
}

function themesIntro(ctx: Ctx): string {
  const n = ctx.model.risks.length;
  const shape =
    ctx.model.depth === 'standard'
      ? 'Each entry gives the current rating (likelihood × impact) and, where agreed, the target once the fix is in place, who owns it, how the risk is known, the evidence in brief and the fix.'
      : ctx.model.depth === 'full'
        ? 'Each line links to the risk’s own page in the next chapter.'
        : 'Each line gives the risk, its current rating (and target, where agreed) and its owner.';
  const unset = ctx.model.posture.residualUnset;
  const targets = unset === 0 ? '' : unset === n ? ' No target rating has been set yet: targets are set when the treatment of each risk is agreed.' : ` ${unset} risks have no target rating yet; it is set when their treatment is agreed.`;
  const services = ctx.model.themeServiceNote ? ` ${ctx.model.themeServiceNote}` : '';
  return `The ${n} risk${n === 1 ? '' : 's'} of the register are grouped into ${ctx.model.themes.length} themes, most serious first within each theme (by current rating, then by the number of resources affected). ${shape}${targets}${services}`;
}

/** Levels whose risks get an entry of their own at standard depth: the top two of the matrix (Very high and High). */
const ENTRY_LEVELS = 2;

/** The ids of the levels that get an entry at standard depth, and the labels of the others (top first). */
function entryLevels(ctx: Ctx): { ids: Set<string>; others: string[] } {
  const ranked = [...ctx.model.levels].sort((a, b) => b.order - a.order);
  return { ids: new Set(ranked.slice(0, ENTRY_LEVELS).map((l) => l.id)), others: ranked.slice(ENTRY_LEVELS).map((l) => l.label) };
}

/**
 * One theme: why it matters, what it touches of the client's business, then its risks. At
 * standard depth the top two levels get an entry each and the rest one line each under "Also
 * in this theme" (their evidence and fix are in the register workbook and the roadmap), so
 * the chapter's length follows what matters; at the other depths every risk is one line.
 */
export function themeSection(ctx: Ctx, t: ThemeView): Block[] {
  // why the theme matters, its counts and the business services it touches: one opening paragraph
  const out: Block[] = [heading(2, t.title), para([t.whyItMatters, t.counts, ...t.services].filter(Boolean).join(' '))];
  if (ctx.model.depth !== 'standard') return [...out, ...t.risks.flatMap((r) => riskLine(ctx, r))];
  const levels = entryLevels(ctx);
  const entries = t.risks.filter((r) => levels.ids.has(r.inherent.level));
  const lines = t.risks.filter((r) => !levels.ids.has(r.inherent.level));
  out.push(...entries.flatMap((r) => riskEntry(ctx, r)));
  if (lines.length > 0) out.push(...alsoInTheme(entries.length > 0, levels.others), ...lines.flatMap((r) => riskLine(ctx, r)));
  return out;
}

/** The label over a theme's one-line risks, saying where their details are. */
function alsoInTheme(afterEntries: boolean, levels: readonly string[]): Paragraph[] {
  const which = levels.length > 0 ? `rated ${levels.join(' or ')}` : 'lower rated';
  return [entryPara([{ bold: afterEntries ? 'Also in this theme' : 'In this theme' }, ` (${which}; the evidence and the fix of each are in the register workbook, and the fix in the roadmap):`], { before: 120, keepNext: true })];
}

/** The risks have their own pages in this document (full depth), which carry their bookmarks. */
const detailsElsewhere = (ctx: Ctx): boolean => ctx.sections.includes('risk-details');

/** "Very high (5 × 4) → High" */
export function ratingText(r: RiskView): string {
  const now = `${r.inherent.levelLabel} (${r.inherent.likelihood} × ${r.inherent.impact})`;
  // an unset target is said once, in the chapter's introduction, not on every risk
  return r.residualSet ? `${now} → target ${r.residual.levelLabel}` : now;
}

/** The risk's level as a shaded code ("VH") before its title, so the level reads at a glance. */
function levelBadge(ctx: Ctx, r: RiskView): TextRun {
  const s = themedLevel(ctx, r.inherent.level);
  return new TextRun({ text: ` ${s.code} `, bold: true, shading: { type: 'clear', fill: s.fill, color: 'auto' }, ...(s.dark ? { color: themeOf(ctx).levelText } : {}) });
}

/** Entry paragraphs sit closer than body text, so a theme reads as one list. */
const TIGHT = { before: 0, after: 30 };

/** A paragraph of an entry: pieces (text, bold text or runs), tight spacing, counted for page estimates. */
function entryPara(pieces: (string | { bold: string } | ParagraphChild)[], opts: { style?: string; before?: number; keepNext?: boolean } = {}): Paragraph {
  const children: ParagraphChild[] = pieces.flatMap((p) => (typeof p === 'string' ? runs(p) : 'bold' in p ? runs(p.bold, { style: STYLE.strong }) : [p]));
  const gap = (TIGHT.after + (opts.before ?? 0)) / 20; // twips -> pt, for the page estimate of the contents
  layout.text(pieces.map((p) => (typeof p === 'string' ? p : 'bold' in p ? p.bold : 'xxxx')).join(''), opts.style === STYLE.small ? 8.5 : 10.5, gap);
  return new Paragraph({ ...(opts.style ? { style: opts.style } : {}), spacing: { ...TIGHT, ...(opts.before ? { before: opts.before } : {}) }, ...(opts.keepNext ? { keepNext: true, keepLines: true } : {}), children });
}

/** The title of a risk entry, carrying the risk's bookmark when its details are not elsewhere. */
function entryTitle(ctx: Ctx, r: RiskView): Paragraph {
  const text = runs(`${r.id}  ${r.title}${r.formerIds.length > 0 ? ` (formerly ${r.formerIds.join(', ')})` : ''}`, { style: STYLE.strong, color: brandColours(ctx).primary });
  const title = detailsElsewhere(ctx) ? text : [new Bookmark({ id: r.bookmark, children: text })];
  return entryPara([levelBadge(ctx, r), ' ', ...title], { before: 120, keepNext: true });
}

/** The owner as the reader needs it: who owns the risk, and who acts when someone is named. */
function ownerText(r: RiskView): string {
  const owner = r.action === 'verify' ? `${r.ownerLabel} (client verifies)` : r.ownerLabel;
  return r.actionOwner === 'To be assigned' ? owner : `${owner}; action: ${r.actionOwner}`;
}

/**
 * The verification step without the question's full wording ("Ask again (DAT-01): “Is there …”"
 * becomes "Ask again (DAT-01)."): the interview log gives the question, and what good looks
 * like follows in the step.
 */
export function stepWithoutQuestion(step: string): string {
  return step.replace(/(Ask again \([^)]*\)): “[^”]*”/g, '$1.');
}

/** A risk in about a sixth of a page: title, facts and evidence in brief, the fix. */
export function riskEntry(ctx: Ctx, r: RiskView): Block[] {
  // a risk resting only on "Don't know" is to verify, not an established weakness (docs/preflight.md)
  // the evidence line right after says the answer was "Don't know" when it was
  const known = r.toVerify ? (r.findings.length === 0 && r.answers.length > 0 ? 'To verify' : 'To verify (the answer was “Don’t know”)') : r.evidenceStatusLabel;
  const facts = `${ratingText(r)} · Owner: ${ownerText(r)} · How known: ${known}`;
  const fix = r.toVerify ? [{ bold: 'Verify first: ' }, `${stepWithoutQuestion(r.toVerify.step)} If confirmed: ${r.recommendation.summary}`] : [{ bold: r.action === 'verify' ? 'To verify: ' : 'Fix: ' }, r.recommendation.summary];
  const [evidence, ...more] = evidenceSummary(r);
  return [
    entryTitle(ctx, r),
    // the facts run on into the evidence (one paragraph, fewer lines); facts recorded elsewhere (the IR setup) are stated next to the risk, so the report does not contradict itself
    ...[evidence ? `${facts} · ${evidence}` : facts, ...more, ...r.recordedFacts].map((line) => entryPara([line], { style: STYLE.small, keepNext: true })),
    entryPara(fix),
  ];
}

/** A risk in one line: id (linked to its page at full depth), title, rating, owner. */
export function riskLine(ctx: Ctx, r: RiskView): Block[] {
  const id = detailsElsewhere(ctx) ? link(r.id, r.bookmark) : new Bookmark({ id: r.bookmark, children: runs(r.id) });
  // a risk resting only on "Don't know" says so on its line too (docs/preflight.md)
  const tail = `  ${r.title} — ${ratingText(r)}; ${ownerText(r)}${r.toVerify ? '; to verify' : ''}.`;
  layout.text(`${r.id}${tail}`, 8.5, (TIGHT.after + 20) / 20);
  return [new Paragraph({ style: STYLE.small, spacing: { before: 20, after: TIGHT.after }, children: [levelBadge(ctx, r), new TextRun(' '), id, ...runs(tail)] })];
}
