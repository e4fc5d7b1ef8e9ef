import type { ReportModel } from '../model';
import { heading, para, STYLE } from './primitives';
import { appendixLabel, brandedTable, type Block, type Ctx } from './context';

// The interview log appendix: every answer of the interview, one compact row each. Below full
// depth the question is given by its subject (the question shortened to about two lines of
// its column); the full wording stays in the content pack and the assessment, and the full
// technical depth prints it.

/** Characters a shortened question keeps at most (about two lines of its column). */
const SUBJECT_CHARS = 110;
/** A clause boundary in the last this-share of the allowance is a better place to stop than a word. */
const CLAUSE_WINDOW = 0.3;

/**
 * The subject of a question in at most {@link SUBJECT_CHARS} characters: asides in brackets
 * dropped, then, when still too long, cut at a comma or semicolon near the limit, else at the
 * last space, with an ellipsis. A short question is returned as it is.
 */
export function questionSubject(question: string, max = SUBJECT_CHARS): string {
  const text = question.trim();
  if (text.length <= max) return text;
  const plain = text.replace(/\s*\([^()]*\)/g, '').replace(/\s+([,?.;:])/g, '$1');
  if (plain.length <= max) return plain;
  const head = plain.slice(0, max);
  const clause = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '));
  const cut = clause >= max * (1 - CLAUSE_WINDOW) ? clause : head.lastIndexOf(' ');
  return `${plain.slice(0, cut > 0 ? cut : max).replace(/[\s,;:]+$/, '')}…`;
}

type LogRow = ReportModel['interviewLog'][number]['rows'][number];

/** The answer as it was given, with the consultant's note after it (on its own line at full depth, run on below it to save lines). */
function answerCell(r: LogRow, runOn = false): string {
  if (!r.note) return r.answer;
  if (!runOn) return `${r.answer}\nNote: ${r.note}`;
  return `${r.answer}${/[.!?]$/.test(r.answer) ? '' : '.'} Note: ${r.note}`;
}

/**
 * Every answer by domain. Below full depth: a caption per domain and rows of question id with
 * the result under it, the question's subject, the answer and note; at full depth the questions
 * in full under a heading per domain.
 */
export function appendixInterviewLog(ctx: Ctx): Block[] {
  const log = ctx.model.interviewLog;
  const out: Block[] = [heading(1, `${appendixLabel(ctx, 'appendix-interview-log')}. Interview log`)];
  if (log.length === 0) return [...out, para('No interview answers were recorded.')];
  if (ctx.model.depth === 'full') {
    for (const d of log) out.push(heading(2, d.domain), brandedTable(ctx, [1.4, 5, 4, 1.6], ['Question', 'Asked', 'Answer and notes', 'Result'], d.rows.map((r) => [r.questionId, r.question, answerCell(r), r.result])));
    return out;
  }
  const answers = log.reduce((n, d) => n + d.rows.length, 0);
  out.push(para(`All ${answers} questions of the interview with the answer given, by domain. Each question is shown by its subject; the full wording is in the content pack and the assessment file, and in the full technical edition of this report.`));
  for (const d of log) {
    out.push(para(d.domain, STYLE.caption));
    out.push(brandedTable(ctx, [1.5, 5.6, 4.9], ['Question', 'Asked about', 'Answer and notes'], d.rows.map((r) => [r.result ? `${r.questionId}\n${r.result}` : r.questionId, questionSubject(r.question), answerCell(r, true)])));
  }
  return out;
}
