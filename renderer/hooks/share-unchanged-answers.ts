import type { AnswerRecord } from '../db/database';

function sameAnswer(a: AnswerRecord, b: AnswerRecord): boolean {
  return (
    a.assessmentId === b.assessmentId &&
    a.notApplicable === b.notApplicable &&
    a.note === b.note &&
    a.evidence === b.evidence &&
    a.answeredBy === b.answeredBy &&
    a.choices.length === b.choices.length &&
    a.choices.every((c, i) => c === b.choices[i])
  );
}

/**
 * `next` with the records of `previous` wherever the answer is the same, and `previous`
 * itself when nothing changed: the database echoing back what was typed (a commit, a live
 * query re-run) then recomputes nothing and re-renders nothing below the interview.
 */
export function shareUnchanged(previous: Map<string, AnswerRecord>, next: Map<string, AnswerRecord>): Map<string, AnswerRecord> {
  let changed = previous.size !== next.size;
  const out = new Map<string, AnswerRecord>();
  for (const [id, record] of next) {
    const before = previous.get(id);
    const same = before !== undefined && sameAnswer(before, record);
    if (!same) changed = true;
    out.set(id, same ? before : record);
  }
  return changed ? out : previous;
}
