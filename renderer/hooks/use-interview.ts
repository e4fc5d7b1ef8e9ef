import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import type { ContentPack, Domain, Question } from '../../core/content/types';
import { visibleQuestions } from '../../core/interview/flow';
import { emptyAnswer, isAnswered, listAnswers, progressOf, toEngineAnswers, type AnswerInput } from '../db/answers-repository';
import type { AnswerRecord } from '../db/database';
import { queueCommand } from '../db/write-queue';
import { useUiStore } from '../stores/ui-store';
import { shareUnchanged } from './share-unchanged-answers';
import { useLatestCallback } from './use-latest-callback';

export interface VisibleItem {
  domain: Domain;
  question: Question;
}

function recordOf(assessmentId: string, questionId: string, input: AnswerInput): AnswerRecord {
  return { assessmentId, questionId, ...input, updatedAt: '' };
}

/**
 * The interview's state: stored answers (live from Dexie) overlaid with the answers typed
 * in this session that are still being written, so visibility and progress follow every
 * keystroke without waiting for the database.
 */
export function useInterview(assessmentId: string, pack: ContentPack) {
  const stored = useLiveQuery(() => listAnswers(assessmentId), [assessmentId]);
  const [drafts, setDrafts] = useState<{ assessmentId: string; byQuestion: Record<string, AnswerInput> }>({ assessmentId, byQuestion: {} });
  const overlay = useMemo(() => (drafts.assessmentId === assessmentId ? drafts.byQuestion : {}), [drafts, assessmentId]);
  const answeredBy = useUiStore((s) => s.answeredBy);
  const setAnsweredBy = useUiStore((s) => s.setAnsweredBy);
  const currentId = useUiStore((s) => s.questionByAssessment[assessmentId]);
  const setQuestion = useUiStore((s) => s.setQuestion);

  const merged = useMemo(() => {
    const byId = new Map((stored ?? []).map((r) => [r.questionId, r]));
    for (const [questionId, input] of Object.entries(overlay)) byId.set(questionId, recordOf(assessmentId, questionId, input));
    return byId;
  }, [stored, overlay, assessmentId]);
  // the records shown, kept when a new merge holds the same answers (React's "information from previous renders")
  const [shown, setShown] = useState({ merged, records: merged });
  let records = shown.records;
  if (shown.merged !== merged) {
    records = shareUnchanged(shown.records, merged);
    setShown({ merged, records });
  }

  const all = useMemo(() => [...records.values()], [records]);
  const visible = useMemo(() => visibleQuestions(pack, toEngineAnswers(all)), [pack, all]);
  const items = useMemo<VisibleItem[]>(() => visible.flatMap(({ domain, questions }) => questions.map((question) => ({ domain, question }))), [visible]);
  const progress = useMemo(() => progressOf(pack, all), [pack, all]);

  const index = Math.max(0, currentId ? items.findIndex((i) => i.question.id === currentId) : 0);
  const current = items[index];
  const shownId = current?.question.id;
  const answer = useMemo<AnswerInput>(() => (shownId ? (records.get(shownId) ?? { ...emptyAnswer(), answeredBy }) : emptyAnswer()), [shownId, records, answeredBy]);

  const go = useCallback((questionId: string | undefined) => questionId && setQuestion(assessmentId, questionId), [assessmentId, setQuestion]);

  const update = useLatestCallback((questionId: string, change: Partial<AnswerInput>) => {
    const base = records.get(questionId) ?? { ...emptyAnswer(), answeredBy };
    const next: AnswerInput = {
      choices: change.choices ?? base.choices,
      notApplicable: change.notApplicable ?? base.notApplicable,
      note: change.note ?? base.note,
      evidence: change.evidence ?? base.evidence,
      answeredBy: change.answeredBy ?? (base.answeredBy || answeredBy),
    };
    // the write is queued before the state changes, so the database works on it while React renders
    const after = [...records.values()].filter((r) => r.questionId !== questionId).concat(recordOf(assessmentId, questionId, next));
    const { answered, total } = progressOf(pack, after);
    queueCommand(`answer:${assessmentId}:${questionId}`, { kind: 'answer', assessmentId, questionId, input: next, progress: { answered, total } }).catch(() => undefined);
    if (change.answeredBy !== undefined) setAnsweredBy(change.answeredBy);
    setDrafts((d) => ({ assessmentId, byQuestion: { ...(d.assessmentId === assessmentId ? d.byQuestion : {}), [questionId]: next } }));
  });

  const isDone = useCallback((questionId: string) => isAnswered(records.get(questionId)), [records]);

  const next = useLatestCallback(() => go(items[Math.min(items.length - 1, index + 1)]?.question.id));
  const back = useLatestCallback(() => go(items[Math.max(0, index - 1)]?.question.id));
  const nextUnanswered = useLatestCallback(() => {
    for (let step = 1; step <= items.length; step++) {
      const item = items[(index + step) % items.length];
      if (item && !isDone(item.question.id)) return go(item.question.id);
    }
  });

  return { loading: stored === undefined, items, visible, progress, index, current, answer, isDone, update, go, next, back, nextUnanswered };
}

export type InterviewState = ReturnType<typeof useInterview>;

/** The choices after pressing a choice: one for single questions; toggled for multiple; a not-applicable choice stands alone. */
export function toggledChoices(question: Question, chosen: readonly string[], choiceId: string): string[] {
  if (question.type === 'single') return [choiceId];
  const choice = question.choices.find((c) => c.id === choiceId);
  if (chosen.includes(choiceId)) return chosen.filter((c) => c !== choiceId);
  if (choice?.result === 'not-applicable') return [choiceId];
  const naIds = new Set(question.choices.filter((c) => c.result === 'not-applicable').map((c) => c.id));
  return [...chosen.filter((c) => !naIds.has(c)), choiceId];
}
