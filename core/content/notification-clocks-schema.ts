/**
 * The schema of `notification-clocks.yaml` (regulatory notification clocks of the IR plan).
 * Kept apart from the loader so the pack's types can name it without an import cycle.
 */
import { z } from 'zod';

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
