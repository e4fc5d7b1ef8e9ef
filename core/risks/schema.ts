import { z } from 'zod';
import { AnswerResultSchema, AreaSchema, EffortSchema, MappingsSchema, OwnerSchema, RiskCategorySchema, ServiceModelSchema } from '../content/vocabulary';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'an ISO date');

/** One entry of a risk's history (owner overrides, treatment changes, re-derivations). */
export const RiskHistoryEntrySchema = z.strictObject({
  at: isoDate,
  action: z.string().min(1),
  detail: z.string(),
  by: z.string().optional(),
});

/**
 * How a risk is known: `verified` (failing inventory evidence backs it), `reported` (interview
 * answers only), `contradicted` (an answer says the control is in place, the inventory says
 * otherwise: details in `disagreements`), `manual` (added by hand).
 */
export const EvidenceStatusSchema = z.enum(['verified', 'reported', 'contradicted', 'manual']);
export type EvidenceStatus = z.infer<typeof EvidenceStatusSchema>;

const score = z.number().int().min(1).max(5);

/** The engine's rating: the template's baseline and each adjustment with its reason. */
export const RatingSchema = z.strictObject({
  baseline: z.strictObject({ likelihood: score, impact: score }),
  likelihood: score,
  impact: score,
  adjustments: z.array(
    z.strictObject({ scale: z.enum(['likelihood', 'impact']), factor: z.string().min(1), from: score, to: score, reason: z.string().min(1) }),
  ),
});

/** A risk in the register (one per risk template, assessment-wide). */
export const RiskSchema = z.strictObject({
  id: z.string().regex(/^R-\d{3,}$/, 'risk ids look like R-001'),
  templateId: z.string().min(1),
  title: z.string().min(1),
  category: RiskCategorySchema,
  threat: z.string().min(1),
  area: AreaSchema,
  /** owner from the matrix (area x service models) unless overridden */
  owner: z.union([OwnerSchema, z.literal('unknown')]),
  ownerBasis: z.array(z.strictObject({ serviceModel: ServiceModelSchema, owner: OwnerSchema })),
  ownerOverride: z
    .strictObject({ owner: OwnerSchema, justification: z.string().min(1), by: z.string().optional(), at: isoDate })
    .nullable(),
  serviceModels: z.array(ServiceModelSchema),
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  inherentLevel: z.string().min(1),
  residual: z.strictObject({ likelihood: z.number().int().min(1).max(5), impact: z.number().int().min(1).max(5), level: z.string().min(1) }).nullable(),
  treatment: z.enum(['mitigate', 'accept', 'transfer', 'avoid']).nullable(),
  acceptance: z.strictObject({ acceptedBy: z.string().min(1), expires: isoDate, reason: z.string().optional() }).nullable(),
  actionOwner: z.string().nullable(),
  dueDate: isoDate.nullable(),
  /** "verify" when Microsoft owns it: the customer's action is to check the provider's assurance */
  action: z.enum(['remediate', 'verify']),
  verification: z.string().optional(),
  recommendation: z.strictObject({ summary: z.string(), portal: z.array(z.string()).optional(), cli: z.string().optional() }),
  effort: EffortSchema,
  userImpact: EffortSchema,
  mappings: MappingsSchema,
  irPlaybooks: z.array(z.string()),
  evidence: z.strictObject({
    answers: z.array(
      z.strictObject({ questionId: z.string(), choices: z.array(z.string()), result: AnswerResultSchema.nullable(), score: z.number().nullable() }),
    ),
    findings: z.array(z.strictObject({ checkId: z.string(), resourceId: z.string(), subscriptionId: z.string(), serviceModel: z.string() })),
    affectedResources: z.array(z.string()),
    subscriptions: z.array(z.string()),
  }),
  disagreements: z.array(
    z.strictObject({ questionId: z.string(), choices: z.array(z.string()), checkId: z.string(), failingResources: z.array(z.string()), message: z.string() }),
  ),
  history: z.array(RiskHistoryEntrySchema),
  /**
   * Ids of risks merged into this one when their templates were merged (bundle import of an
   * older pack's risks, core/bundle/migrate-templates.ts), so a spreadsheet citing them can be
   * traced. Optional: absent when nothing was merged.
   */
  formerIds: z.array(z.string().regex(/^R-\d{3,}$/, 'risk ids look like R-001')).optional(),
  // Added after the first bundles: optional, so older bundles import; `evidenceStatusOf`
  // computes the status of a risk that has none.
  evidenceStatus: EvidenceStatusSchema.optional(),
  /** notes for the consultant: an answer the evidence does not bear out, a "Don't know" to verify */
  evidenceNotes: z.array(z.string()).optional(),
  rating: RatingSchema.optional(),
  /**
   * For a risk the multi-cloud questions raise: the other providers' matrix cells behind its
   * owner (one per provider column; `no-matrix` when the pack has none for that provider), in
   * place of Microsoft's `ownerBasis`. Optional: older bundles have none.
   */
  providerBasis: z
    .array(
      z.strictObject({
        provider: z.string().min(1).max(100),
        name: z.string().min(1).max(200),
        column: z.string().max(200).optional(),
        owner: z.enum(['provider', 'customer', 'shared', 'unknown']),
        basis: z.enum(['provider', 'judgement', 'no-matrix']),
        source: z.string().max(500).optional(),
      }),
    )
    .optional(),
});
export type Risk = z.infer<typeof RiskSchema>;
