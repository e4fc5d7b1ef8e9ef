import type { SectionId } from './template';
import type { ReportDepth } from './types';

/** Sections only the full technical depth prints: the register table, one page per risk, the register appendix. */
const FULL_ONLY: readonly SectionId[] = ['register-summary', 'risk-details', 'appendix-register'];

/**
 * The sections a report of this depth prints, from the template's list. Below full depth the
 * register summary, the per-risk pages and the register appendix go (the spreadsheet carries
 * them), and a template written before themes existed gets the themes where it listed the
 * detailed risks, so it keeps working and gets the new shape.
 */
export function sectionsAtDepth(sections: readonly SectionId[], depth: ReportDepth): SectionId[] {
  const withThemes = sections.includes('themes') ? [...sections] : sections.flatMap((s) => (s === 'risk-details' ? (['themes', s] as SectionId[]) : [s]));
  return depth === 'full' ? withThemes : withThemes.filter((s) => !FULL_ONLY.includes(s));
}
