/**
 * Regulatory notification clocks (`notification-clocks.yaml`): which regime applies for which
 * scoping answers, and the deadlines each sets, with the article they come from. Validated
 * here and cross-checked against the scoping questions (every choice id named must exist).
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { ContentError, PackFile, Question } from './types';

export const NOTIFICATION_CLOCKS_FILE = 'notification-clocks.yaml';

/** The scoping questions a regime's `when` refers to. */
export const CLOCK_QUESTIONS = { regulated: 'SCOPE-REGULATED', sectors: 'SCOPE-SECTOR', jurisdictions: 'SCOPE-JURISDICTIONS' } as const;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id');
const sourceId = z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'expected a source id such as GDPR');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

const ClockSourceSchema = z.strictObject({
  id: sourceId,
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** the date of the text cited (adoption, publication or version) */
  date: isoDate,
  url: z.url({ protocol: /^https$/ }),
  /** transcribed: the legal text through a public verbatim copy; summary: through public summaries that agree */
  readAs: z.enum(['primary', 'transcribed', 'summary']),
});

const DeadlineSchema = z.strictObject({
  step: z.string().min(1),
  /** as the law words it; `unknown` where the regime sets none */
  deadline: z.string().min(1),
  source: sourceId,
  article: z.string().min(1),
});

const RegimeSchema = z.strictObject({
  id,
  title: z.string().min(1),
  /** jurisdictions must match (when answered); then any regulated data type or sector listed */
  when: z
    .strictObject({ jurisdictions: z.array(id).min(1).optional(), regulated: z.array(id).min(1).optional(), sectors: z.array(id).min(1).optional() })
    .refine((w) => w.jurisdictions || w.regulated || w.sectors, 'name at least one of jurisdictions, regulated, sectors'),
  trigger: z.string().min(1),
  deadlines: z.array(DeadlineSchema).min(1),
  note: z.string().min(1).optional(),
});

export const NotificationClocksSchema = z.strictObject({
  id,
  version: isoDate,
  title: z.string().min(1),
  sources: z.array(ClockSourceSchema).min(1),
  regimes: z.array(RegimeSchema).min(1),
});
export type NotificationClocks = z.infer<typeof NotificationClocksSchema>;
export type ClockRegime = NotificationClocks['regimes'][number];

const issuePath = (path: readonly PropertyKey[]): string => path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('').replace(/^\./, '');

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
  if (!result.success) return { errors: result.error.issues.map((issue) => ({ file: file.path, path: issuePath(issue.path), message: issue.message })) };
  for (const [path, message] of crossCheck(result.data, questions)) errors.push({ file: file.path, path, message });
  return errors.length > 0 ? { errors } : { clocks: result.data, errors };
}
