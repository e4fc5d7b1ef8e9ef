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
});
export type Risk = z.infer<typeof RiskSchema>;
