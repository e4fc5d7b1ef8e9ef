import { z } from 'zod';

/** An answer: the chosen choice ids, with optional notes and evidence references. */
export const AnswerSchema = z.strictObject({
  choices: z.array(z.string().min(1)),
  note: z.string().optional(),
  evidence: z.array(z.string()).optional(),
  answeredAt: z.string().optional(),
  /** who gave the answer in the workshop */
  answeredBy: z.string().min(1).max(200).optional(),
  /** marked not applicable by the consultant (with no choice saying so); absent = false */
  notApplicable: z.boolean().optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;

/** Answers by question id. */
export const AnswersSchema = z.record(z.string().min(1), AnswerSchema);
export type Answers = z.infer<typeof AnswersSchema>;

/**
 * The answers file the CLI accepts: question id -> a choice id, a list of choice ids, or a
 * full {@link Answer}. Normalised to {@link Answers}.
 */
export const AnswersInputSchema = z
  .record(z.string().min(1), z.union([z.string().min(1), z.array(z.string().min(1)), AnswerSchema]))
  .transform((raw): Answers => {
    const out: Answers = {};
    for (const [id, v] of Object.entries(raw)) out[id] = typeof v === 'string' ? { choices: [v] } : Array.isArray(v) ? { choices: v } : v;
    return out;
  });
