/**
 * Which notification clocks apply to this client: the pack's regimes selected by the scoping
 * answers (regulated data, sector, jurisdictions), then the contractual clocks the consultant
 * recorded. Pure.
 */
import type { AssessmentBundle } from '../bundle/schema';
import { CLOCK_QUESTIONS, type ClockRegime, type NotificationClocks } from '../content/notification-clocks';
import type { Question } from '../content/types';

export interface SelectedClock {
  regime: string;
  /** why the regime is listed, in the client's terms ("Health data in scope; EU, UK") */
  why: string;
  trigger: string;
  deadlines: { step: string; deadline: string; citation: string }[];
  note: string;
}

export interface ClockSelection {
  regulatory: SelectedClock[];
  contractual: { counterparty: string; deadline: string; source: string }[];
  /** what could not be decided, e.g. jurisdictions not answered */
  caveats: string[];
  /** the sources cited, "GDPR: title (publisher, date)" */
  sources: string[];
}

type Answers = AssessmentBundle['answers'];

const chosen = (answers: Answers, qid: string): string[] | undefined => {
  const a = answers[qid];
  return a && !a.notApplicable && a.choices.length > 0 ? a.choices : undefined;
};

const labelsOf = (q: Question | undefined, ids: readonly string[]): string =>
  ids.map((id) => q?.choices.find((c) => c.id === id)?.label.replace(/\s*\(.*\)$/, '') ?? id).join(', ');

/** Whether a regime applies, and the matching answers as text (undefined: it does not apply). */
function matchRegime(r: ClockRegime, answers: Answers, questions: ReadonlyMap<string, Question>): string | undefined {
  const juris = chosen(answers, CLOCK_QUESTIONS.jurisdictions);
  const parts: string[] = [];
  if (r.when.jurisdictions) {
    if (juris) {
      const hit = r.when.jurisdictions.filter((j) => juris.includes(j));
      if (hit.length === 0) return undefined;
      parts.push(labelsOf(questions.get(CLOCK_QUESTIONS.jurisdictions), hit));
    } else if (r.when.regulated || r.when.sectors) parts.push('jurisdiction not recorded');
    // a regime that turns on the jurisdiction alone (SEC) is not guessed
    else return undefined;
  }
  const subject: string[] = [];
  for (const key of ['regulated', 'sectors'] as const) {
    const wanted = r.when[key];
    const have = chosen(answers, CLOCK_QUESTIONS[key]) ?? [];
    const hit = wanted?.filter((w) => have.includes(w)) ?? [];
    if (hit.length > 0) subject.push(labelsOf(questions.get(CLOCK_QUESTIONS[key]), hit));
  }
  if ((r.when.regulated || r.when.sectors) && subject.length === 0) return undefined;
  return [...subject, ...parts].join('; ');
}

/** The clocks for this bundle; `data` absent (a pack without the file) leaves only the contractual ones. */
export function selectNotificationClocks(
  data: NotificationClocks | undefined,
  bundle: Pick<AssessmentBundle, 'answers' | 'incidentResponse'>,
  questions: ReadonlyMap<string, Question>,
  clean: (s: unknown, max?: number) => string = (s) => String(s ?? ''),
): ClockSelection {
  const contractual = (bundle.incidentResponse?.contractualClocks ?? []).map((c) => ({ counterparty: clean(c.counterparty, 200), deadline: clean(c.deadline, 200), source: clean(c.source ?? '', 500) }));
  if (!data) return { regulatory: [], contractual, caveats: ['The content pack used has no regulatory notification data; legal must list the regimes that apply.'], sources: [] };
  const caveats: string[] = [];
  if (!chosen(bundle.answers, CLOCK_QUESTIONS.jurisdictions)) caveats.push('The jurisdictions were not recorded (SCOPE-JURISDICTIONS): every regime matching the data types is listed; legal confirms which apply.');
  if (!chosen(bundle.answers, CLOCK_QUESTIONS.regulated)) caveats.push('Regulated data types were not recorded (SCOPE-REGULATED): data-protection clocks may be missing.');
  const source = new Map(data.sources.map((s) => [s.id, s]));
  const regulatory: SelectedClock[] = [];
  const cited = new Set<string>();
  for (const r of data.regimes) {
    const why = matchRegime(r, bundle.answers, questions);
    if (why === undefined) continue;
    for (const d of r.deadlines) cited.add(d.source);
    regulatory.push({
      regime: r.title,
      why,
      trigger: r.trigger,
      deadlines: r.deadlines.map((d) => ({
        step: d.step,
        deadline: d.deadline === 'unknown' ? 'Not set by this regime (see note)' : d.deadline,
        citation: `${source.get(d.source)?.title.split(',')[0] ?? d.source}, ${d.article}`,
      })),
      note: r.note ?? '',
    });
  }
  const readAs = { summary: 'read through public summaries', transcribed: 'text read through a public copy', primary: 'read at the source' } as const;
  const sources = data.sources.filter((s) => cited.has(s.id)).map((s) => `${s.title} (${s.publisher}, ${s.date}; ${readAs[s.readAs]} ${data.version})`);
  return { regulatory, contractual, caveats, sources };
}
