/**
 * Interview answers: one record per assessment and question, written in one transaction
 * together with the assessment's cached progress.
 */
import { z } from 'zod';
import type { ContentPack } from '../../core/content/types';
import type { Answers } from '../../core/interview/answers';
import { interviewProgress } from '../../core/interview/flow';
import { database, type AnswerRecord } from './database';
import { now } from './assessments-repository';

export const answerInputSchema = z.strictObject({
  choices: z.array(z.string().min(1).max(100)).max(50),
  notApplicable: z.boolean(),
  note: z.string().max(100_000, 'Keep the note under 100,000 characters.'),
  evidence: z.string().max(20_000, 'Keep the evidence references under 20,000 characters.'),
  answeredBy: z.string().max(200),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;

export function emptyAnswer(): AnswerInput {
  return { choices: [], notApplicable: false, note: '', evidence: '', answeredBy: '' };
}

/** The engine's view of the answers: chosen choices only (marks and empty records are not answers). */
export function toEngineAnswers(records: readonly AnswerRecord[]): Answers {
  const out: Answers = {};
  for (const r of records) {
    if (r.choices.length === 0) continue;
    const answer: Answers[string] = { choices: [...r.choices], answeredAt: r.updatedAt };
    if (r.note) answer.note = r.note;
    if (r.evidence.trim()) answer.evidence = r.evidence.split('\n').map((l) => l.trim()).filter(Boolean);
    out[r.questionId] = answer;
  }
  return out;
}

/** Answered for progress: a choice, or an explicit not-applicable mark. */
export function isAnswered(record: AnswerRecord | undefined): boolean {
  return Boolean(record && (record.choices.length > 0 || record.notApplicable));
}

/** Progress counting not-applicable marks as answered. */
export function progressOf(pack: ContentPack, records: readonly AnswerRecord[]) {
  const answers = toEngineAnswers(records);
  const progress = interviewProgress(pack, answers);
  const marked = new Set(records.filter((r) => r.notApplicable && r.choices.length === 0).map((r) => r.questionId));
  if (marked.size === 0) return progress;
  let extra = 0;
  const domains = progress.domains.map((d) => {
    const domain = pack.domains.find((x) => x.id === d.domainId);
    const add = domain ? domain.questions.filter((q) => marked.has(q.id)).length : 0;
    extra += add;
    return { ...d, answered: Math.min(d.total, d.answered + add) };
  });
  return { ...progress, answered: Math.min(progress.total, progress.answered + extra), domains };
}

export function listAnswers(assessmentId: string): Promise<AnswerRecord[]> {
  return database().answers.where('assessmentId').equals(assessmentId).toArray();
}

/**
 * Stores one answer and the assessment's cached progress, in one transaction. The caller
 * passes the progress it already computed (the interview has it on screen), so a keystroke
 * costs two small writes and one read. The answer's write and the assessment's read go
 * out together and the assessment is written whole, so the transaction waits on the
 * database twice (an `update` would read again before writing).
 */
export async function saveAnswer(
  assessmentId: string,
  questionId: string,
  input: AnswerInput,
  pack: ContentPack,
  progress?: { answered: number; total: number },
): Promise<void> {
  const value = answerInputSchema.parse(input);
  const question = pack.questions.get(questionId);
  if (!question) throw new Error(`Unknown question ${questionId}.`);
  for (const c of value.choices) if (!question.choices.some((x) => x.id === c)) throw new Error(`Question ${questionId} has no choice ${c}.`);
  if (question.type === 'single' && value.choices.length > 1) throw new Error(`Question ${questionId} takes one choice.`);
  const db = database();
  await db.transaction('rw', db.answers, db.assessments, async () => {
    const timestamp = now();
    const [, assessment] = await Promise.all([
      db.answers.put({ assessmentId, questionId, ...value, updatedAt: timestamp }),
      db.assessments.get(assessmentId),
    ]);
    if (!assessment) throw new Error('That assessment no longer exists.');
    const { answered, total } = progress ?? progressOf(pack, await db.answers.where('assessmentId').equals(assessmentId).toArray());
    await db.assessments.put({
      ...assessment,
      progress: { answered, total },
      updatedAt: timestamp,
      status: assessment.status === 'draft' && answered > 0 ? 'in-progress' : assessment.status,
    });
  });
}
