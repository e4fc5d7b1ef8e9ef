import { describe, expect, it } from 'vitest';
import { AnswersInputSchema } from '../../../../core/interview/answers';
import { interviewProgress, scoreAnswer, validateAnswers, visibleQuestions } from '../../../../core/interview/flow';
import { loadTestPack } from '../pack-helper';

const pack = loadTestPack();
const ids = (answers: Parameters<typeof visibleQuestions>[1]) => visibleQuestions(pack, answers).flatMap((d) => d.questions.map((q) => q.id));

describe('interview flow', () => {
  it('shows questions by scope and earlier answers', () => {
    expect(ids({})).toEqual(['SCOPE-MODELS', 'SCOPE-M365', 'DAT-01', 'DAT-03']);
    expect(ids({ 'DAT-01': { choices: ['some'] } })).toContain('DAT-02');
    expect(ids({ 'SCOPE-M365': { choices: ['yes'] } })).toContain('DAT-04');
    // DAT-01 concerns PaaS only: hidden when the scope is IaaS only, and so is DAT-02 that depends on it
    expect(ids({ 'SCOPE-MODELS': { choices: ['iaas'] }, 'DAT-01': { choices: ['all'] } })).toEqual(['SCOPE-MODELS', 'SCOPE-M365', 'DAT-03']);
  });

  it('scores single and multiple choice questions, with not-applicable', () => {
    const q1 = pack.questions.get('DAT-01')!;
    const q2 = pack.questions.get('DAT-02')!;
    expect(scoreAnswer(q1, { choices: ['some'] })).toEqual({ score: 50, result: 'partial' });
    expect(scoreAnswer(q2, { choices: ['vm', 'm365'] })).toEqual({ score: 100, result: 'compliant' });
    expect(scoreAnswer(q2, { choices: ['vm'] })).toEqual({ score: 50, result: 'partial' });
    expect(scoreAnswer(q2, { choices: ['na'] })).toEqual({ score: null, result: 'not-applicable' });
    expect(scoreAnswer(q1, undefined)).toEqual({ score: null, result: null });
  });

  it('reports progress and a 0-100 score per domain', () => {
    const p = interviewProgress(pack, { 'SCOPE-MODELS': { choices: ['paas'] }, 'DAT-01': { choices: ['all'] }, 'DAT-02': { choices: ['vm'] }, 'DAT-03': { choices: ['no'] } });
    expect(p.domains).toEqual([
      { domainId: 'scoping', title: 'Scope', total: 2, answered: 1, score: null },
      // DAT-02 concerns IaaS and SaaS only, out of a PaaS-only scope: hidden, its answer ignored
      { domainId: 'data', title: 'Data', total: 2, answered: 2, score: 50 },
    ]);
    expect(p).toMatchObject({ total: 4, answered: 3 });
  });

  it('validates answers and normalises the CLI answers file', () => {
    expect(validateAnswers(pack, { 'DAT-01': { choices: ['all', 'some'] }, 'NOPE-01': { choices: ['x'] }, 'DAT-02': { choices: ['na', 'vm'] } }).map((p) => p.message)).toEqual([
      "question 'DAT-01' takes one choice, got 2",
      "unknown question 'NOPE-01'",
      "choice 'na' of 'DAT-02' must be selected alone",
    ]);
    expect(AnswersInputSchema.parse({ 'DAT-01': 'all', 'DAT-02': ['vm'], 'DAT-03': { choices: ['no'], note: 'n' } })).toEqual({
      'DAT-01': { choices: ['all'] },
      'DAT-02': { choices: ['vm'] },
      'DAT-03': { choices: ['no'], note: 'n' },
    });
  });
});
