import { tocCapacity } from './primitives';

// Which headings the contents lists. It should fit on one page: every chapter (level 1) is
// listed; when the level-2 headings would not fit as well, those of the chapters a reader
// looks up least are left out first, a chapter at a time, so a chapter is listed either with
// all its sections or with none.

/** Sections whose level-2 headings the contents keeps longest, most useful first; the rest (front matter, appendices) go first. */
const DETAIL_PRIORITY: readonly string[] = [
  'themes',
  'roadmap',
  'ir-plan',
  'executive-summary',
  'shared-responsibility',
  'provider-commitments',
  'environment',
  'scope-approach',
  'methodology',
  'register-summary',
  'risk-details',
];

interface Entry {
  level: number;
  /** the template section the heading belongs to */
  section: string;
}

const rank = (section: string): number => {
  const i = DETAIL_PRIORITY.indexOf(section);
  return i < 0 ? DETAIL_PRIORITY.length : i;
};

/** The sections with level-2 entries, the first to leave out first (lowest priority; among equals, the later in the document). */
function sectionsToDrop(entries: readonly Entry[]): string[] {
  const order: string[] = [];
  for (const e of entries) if (e.level > 1 && !order.includes(e.section)) order.push(e.section);
  return order.map((s, i) => ({ s, i })).sort((a, b) => rank(b.s) - rank(a.s) || b.i - a.i).map((x) => x.s);
}

/**
 * The entries the contents prints from `startY` (layout units) on its page, and whether they
 * are set at the tight spacing: all of them when they fit at the normal spacing, else level-2
 * entries left out (see above) until they fit at the tight spacing. When even the chapters
 * alone do not fit, the list runs on to the next page.
 */
export function contentsEntries<E extends Entry>(entries: readonly E[], startY: number): { entries: E[]; tight: boolean } {
  if (entries.length <= tocCapacity(startY, false)) return { entries: [...entries], tight: false };
  const room = tocCapacity(startY, true);
  let kept = [...entries];
  for (const section of sectionsToDrop(entries)) {
    if (kept.length <= room) break;
    kept = kept.filter((e) => e.level === 1 || e.section !== section);
  }
  return { entries: kept, tight: kept.length > tocCapacity(startY, false) };
}
