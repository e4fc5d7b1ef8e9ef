/**
 * Regulatory notification clocks (`notification-clocks.yaml`): which regime applies for which
 * scoping answers, and the deadlines each sets, with the article they come from. Validated
 * here and cross-checked against the scoping questions (every choice id named must exist).
 */
import { parseDocument } from 'yaml';
import { CLOCK_QUESTIONS, NOTIFICATION_CLOCKS_FILE, NotificationClocksSchema, type NotificationClocks } from './notification-clocks-schema';
import { formatPath } from './parse-files';
import type { Question } from './schemas';
import type { ContentError, PackFile } from './types';

export { CLOCK_QUESTIONS, NOTIFICATION_CLOCKS_FILE, type ClockRegime, type NotificationClocks } from './notification-clocks-schema';

/** Source ids, regime ids and the scoping choices each regime names. */
function crossCheck(data: NotificationClocks, questions: ReadonlyMap<string, Question>): [string, string][] {
  const problems: [string, string][] = [];
  const sources = new Set(data.sources.map((s) => s.id));
  const seen = new Set<string>();
  data.regimes.forEach((r, i) => {
    if (seen.has(r.id)) problems.push([`regimes[${i}].id`, `duplicate regime id '${r.id}'`]);
    seen.add(r.id);
    r.deadlines.forEach((d, j) => {
      if (!sources.has(d.source)) problems.push([`regimes[${i}].deadlines[${j}].source`, `unknown source '${d.source}'`]);
    });
    for (const key of Object.keys(CLOCK_QUESTIONS) as (keyof typeof CLOCK_QUESTIONS)[]) {
      const qid = CLOCK_QUESTIONS[key];
      const wanted = r.when[key];
      if (!wanted) continue;
      const q = questions.get(qid);
      if (!q) {
        problems.push([`regimes[${i}].when.${key}`, `the pack has no question ${qid}`]);
        continue;
      }
      const choices = new Set(q.choices.map((c) => c.id));
      for (const c of wanted) if (!choices.has(c)) problems.push([`regimes[${i}].when.${key}`, `${qid} has no choice '${c}'`]);
    }
  });
  return problems;
}

/** Reads and validates the clocks file; a pack without it has no regulatory clocks (the plan says so). */
export function loadNotificationClocks(files: readonly PackFile[], questions: ReadonlyMap<string, Question>): { clocks?: NotificationClocks; errors: ContentError[] } {
  const file = files.find((f) => f.path === NOTIFICATION_CLOCKS_FILE);
  if (!file) return { errors: [] };
  const errors: ContentError[] = [];
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { errors: doc.errors.map((e) => ({ file: file.path, path: '', message: `YAML syntax error: ${e.message.split('\n')[0]}` })) };
  const result = NotificationClocksSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!result.success) return { errors: result.error.issues.map((issue) => ({ file: file.path, path: formatPath(issue.path), message: issue.message })) };
  for (const [path, message] of crossCheck(result.data, questions)) errors.push({ file: file.path, path, message });
  return errors.length > 0 ? { errors } : { clocks: result.data, errors };
}
