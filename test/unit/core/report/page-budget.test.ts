import { describe, expect, it } from 'vitest';
import { contentsEntries } from '../../../../core/report/render/contents';
import { questionSubject } from '../../../../core/report/render/interview-log';
import { stepWithoutQuestion } from '../../../../core/report/render/themes';

// The parts of the report's page budget that are plain functions: which headings the contents
// keeps, how a question is shortened in the interview log, the verification step in a theme entry.

const entry = (level: number, section: string): { level: number; section: string } => ({ level, section });

describe('contents entries', () => {
  it('keeps every entry when they fit the page', () => {
    const all = [entry(1, 'themes'), entry(2, 'themes'), entry(1, 'roadmap')];
    expect(contentsEntries(all, 40)).toEqual({ entries: all, tight: false });
  });

  it('leaves out the level-2 entries of the least useful chapters first, whole chapters at a time, never a chapter', () => {
    const all = [
      entry(1, 'document-control'),
      ...Array.from({ length: 6 }, () => entry(2, 'document-control')),
      entry(1, 'themes'),
      ...Array.from({ length: 12 }, () => entry(2, 'themes')),
      entry(1, 'appendix-interview-log'),
      ...Array.from({ length: 30 }, () => entry(2, 'appendix-interview-log')),
    ];
    // 52 entries do not fit a page: the appendix's (ranked lowest, and last of its rank) go, and 22 fit at normal spacing
    const fits = contentsEntries(all, 40);
    expect(fits.entries.filter((e) => e.level === 1)).toHaveLength(3);
    expect(fits.entries.filter((e) => e.section === 'themes')).toHaveLength(13);
    expect(fits.entries.filter((e) => e.section === 'appendix-interview-log')).toEqual([entry(1, 'appendix-interview-log')]);
    expect(fits.entries.filter((e) => e.section === 'document-control')).toHaveLength(7);
    expect(fits.tight).toBe(false);
    // from lower on the page, the front matter's go too, and the themes' are the last kept
    const low = contentsEntries(all, 450);
    expect(low.entries.filter((e) => e.level === 2).every((e) => e.section === 'themes')).toBe(true);
  });
});

describe('question subject in the interview log', () => {
  it('keeps a short question as it is', () => {
    expect(questionSubject('Which sector best describes the organisation?')).toBe('Which sector best describes the organisation?');
  });

  it('drops asides in brackets, then cuts a long question at a clause near the limit, with an ellipsis', () => {
    const q =
      'Is there a data classification scheme (for example Public, Internal, Confidential, Highly Confidential) with handling rules for data at rest, in motion and in use, and is it applied to data in Azure and Microsoft 365?';
    const s = questionSubject(q);
    expect(s.length).toBeLessThanOrEqual(111);
    expect(s).not.toContain('(');
    expect(s).toMatch(/^Is there a data classification scheme with handling rules for data at rest, in motion and in use…$/);
  });
});

describe('verification step in a theme entry', () => {
  it('names the question to ask again without repeating its wording, keeping what good looks like', () => {
    expect(stepWithoutQuestion('Ask again (DAT-01): “Is there a scheme?” Good looks like a short scheme.')).toBe('Ask again (DAT-01). Good looks like a short scheme.');
    expect(stepWithoutQuestion('Confirm the support plan with the account team.')).toBe('Confirm the support plan with the account team.');
  });
});
