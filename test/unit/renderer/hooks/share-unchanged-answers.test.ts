import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '../../../../renderer/db/database';
import { shareUnchanged } from '../../../../renderer/hooks/share-unchanged-answers';

function record(questionId: string, change: Partial<AnswerRecord> = {}): AnswerRecord {
  return { assessmentId: 'A1', questionId, choices: ['yes'], notApplicable: false, note: '', evidence: '', answeredBy: '', updatedAt: '', ...change };
}

const mapOf = (...records: AnswerRecord[]) => new Map(records.map((r) => [r.questionId, r]));

describe('shareUnchanged', () => {
  it('returns the previous map when the database echoes the same answers back (timestamps aside)', () => {
    const shown = mapOf(record('Q1'), record('Q2', { note: 'typed' }));
    const echoed = mapOf(record('Q1', { updatedAt: '2026-11-29T10:00:00.000Z' }), record('Q2', { note: 'typed', updatedAt: '2026-11-29T10:00:01.000Z' }));
    expect(shareUnchanged(shown, echoed)).toBe(shown);
  });

  it('returns a new map when one answer changed, keeping the unchanged records themselves', () => {
    const q1 = record('Q1');
    const shown = mapOf(q1, record('Q2'));
    const next = shareUnchanged(shown, mapOf(record('Q1'), record('Q2', { choices: ['no'] })));
    expect(next).not.toBe(shown);
    expect(next.get('Q1')).toBe(q1);
    expect(next.get('Q2')?.choices).toEqual(['no']);
  });

  it.each<[string, Partial<AnswerRecord>]>([
    ['a choice added', { choices: ['yes', 'partly'] }],
    ['the not-applicable mark', { notApplicable: true }],
    ['the note', { note: 'x' }],
    ['the evidence', { evidence: 'doc' }],
    ['who answered', { answeredBy: 'Dana' }],
    ['the assessment', { assessmentId: 'A2' }],
  ])('sees a change of %s', (_label, change) => {
    const shown = mapOf(record('Q1'));
    expect(shareUnchanged(shown, mapOf(record('Q1', change))).get('Q1')).toMatchObject(change);
  });

  it('sees answers added and removed', () => {
    const shown = mapOf(record('Q1'));
    expect(shareUnchanged(shown, mapOf(record('Q1'), record('Q2'))).size).toBe(2);
    expect(shareUnchanged(mapOf(record('Q1'), record('Q2')), mapOf(record('Q1'))).size).toBe(1);
  });
});
