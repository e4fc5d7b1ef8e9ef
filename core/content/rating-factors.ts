/**
 * `rating-factors.yaml`: how the engine moves a risk template's baseline likelihood and impact
 * with the client's stakes (scoping answers, production vs non-production) and the exposure
 * evidence. Data, so a consultant can read and tune the rules; docs/rating-adjustments.md
 * explains each one.
 */
import { z } from 'zod';
import type { Check, Question } from './schemas';

const FILE = 'rating-factors.yaml';
const step = z.number().int().min(-2).max(2);
const phrase = z.string().min(1);
const word = z.string().regex(/^[a-z0-9]+( [a-z0-9]+)*$/, 'lower-case words separated by single spaces (e.g. "non prod")');

/** One scoping question and the impact step each of its choices brings. */
const ScopingFactorSchema = z.strictObject({
  question: z.string().min(1),
  /** choice id -> step and how the reason names it ("critical workloads", "health data") */
  choices: z.record(z.string().min(1), z.strictObject({ step, says: phrase })),
});

const ExposureKindSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** failing one of these checks makes a resource exposed in this way */
  checks: z.array(z.string().min(1)).min(1),
  step: z.number().int().min(0).max(2),
  /** "reachable from the Internet": the reason reads "6 resources reachable from the Internet" */
  says: phrase,
});

export const RatingFactorsSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.union([z.string().min(1), z.number()]).transform((v) => String(v)),
  title: z.string().min(1),
  impact: z.strictObject({
    /** the scoping answers together move impact by at most this much, each way */
    scopingLimit: z.strictObject({ raise: z.number().int().min(0).max(2), lower: z.number().int().min(0).max(2) }),
    scoping: z.array(ScopingFactorSchema),
    nonProduction: z.strictObject({
      /** applied only when every affected resource is known to be non-production */
      step: z.number().int().min(-2).max(0),
      /** tag names (case-insensitive) that carry the environment */
      tags: z.array(z.string().min(1)).min(1),
      /** words (of a tag value or a subscription name) that mean production / non-production */
      production: z.array(word).min(1),
      nonProduction: z.array(word).min(1),
    }),
  }),
  likelihood: z.strictObject({
    /** the first kind (in this order) any affected resource shows gives its step */
    exposure: z.array(ExposureKindSchema),
    breadth: z.strictObject({ atLeast: z.number().int().min(2), step: z.number().int().min(0).max(2) }),
    /** risks known from answers only: the step for partial / non-compliant answers */
    answers: z.strictObject({
      partial: z.number().int().min(-2).max(0),
      nonCompliant: z.number().int().min(-2).max(0),
      /** choice ids that mean "Don't know": never raise likelihood; noted as to verify */
      unknownChoices: z.array(z.string().min(1)),
    }),
  }),
});
export type RatingFactors = z.infer<typeof RatingFactorsSchema>;

/** Cross-references of the factors against the pack: every question, choice and check exists. */
export function ratingFactorsErrors(factors: RatingFactors, questions: ReadonlyMap<string, Question>, checks: ReadonlyMap<string, Check>): { file: string; path: string; message: string }[] {
  const errors: { file: string; path: string; message: string }[] = [];
  factors.impact.scoping.forEach((f, i) => {
    const q = questions.get(f.question);
    if (!q) {
      errors.push({ file: FILE, path: `impact.scoping[${i}].question`, message: `unknown question '${f.question}'` });
      return;
    }
    for (const choice of Object.keys(f.choices))
      if (!q.choices.some((c) => c.id === choice))
        errors.push({ file: FILE, path: `impact.scoping[${i}].choices.${choice}`, message: `question '${q.id}' has no choice '${choice}'` });
  });
  factors.likelihood.exposure.forEach((k, i) =>
    k.checks.forEach((id, j) => {
      if (!checks.has(id)) errors.push({ file: FILE, path: `likelihood.exposure[${i}].checks[${j}]`, message: `unknown check '${id}'` });
    }),
  );
  return errors;
}
