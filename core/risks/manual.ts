/**
 * A risk the consultant adds by hand: something seen in the workshop that no question or
 * check raises. It is scored and owned like a derived one (owner from the matrix, area x
 * the service models it concerns; level from the grid) and never touched by re-derivation.
 */
import { z } from 'zod';
import type { Matrix, RiskMatrix } from '../content/schemas';
import { AreaSchema, EffortSchema, RiskCategorySchema, ServiceModelSchema, serviceModels } from '../content/vocabulary';
import { raisedRiskFields } from './raised';
import { RiskSchema, type Risk } from './schema';

const score = z.number().int().min(1, 'Scores run from 1 to 5.').max(5, 'Scores run from 1 to 5.');

export const ManualRiskInputSchema = z.strictObject({
  title: z.string().trim().min(5, 'Give the risk a title of at least 5 characters.').max(300, 'Keep the title under 300 characters.'),
  threat: z.string().trim().min(10, 'Describe the threat in at least 10 characters.').max(5_000, 'Keep the threat under 5,000 characters.'),
  category: z.enum(RiskCategorySchema.options, { error: 'Choose the domain of the risk.' }),
  area: z.enum(AreaSchema.options, { error: 'Choose the responsibility area it falls in.' }),
  serviceModels: z.array(ServiceModelSchema).min(1, 'Pick the service models the risk concerns.').max(3),
  likelihood: score,
  impact: score,
  recommendation: z.string().trim().max(5_000, 'Keep the recommendation under 5,000 characters.'),
  effort: z.enum(EffortSchema.options, { error: 'Effort is low, medium or high.' }),
  userImpact: z.enum(EffortSchema.options, { error: 'Impact on users is low, medium or high.' }),
  /** playbooks of the pack this risk calls for in the IR plan (may be none) */
  irPlaybooks: z.array(z.string().min(1)).max(50),
});
export type ManualRiskInput = z.infer<typeof ManualRiskInputSchema>;

/** Template ids of hand-added risks: never a pack template's, so re-derivation leaves them alone. */
export const MANUAL_TEMPLATE_PREFIX = 'MANUAL-';

/** The next free register id after `existing` (derived and manual alike), e.g. R-052. */
export function nextRiskId(existing: Iterable<string>): string {
  let max = 0;
  for (const id of existing) {
    const n = /^R-(\d+)$/.exec(id)?.[1];
    if (n) max = Math.max(max, Number(n));
  }
  return `R-${String(max + 1).padStart(3, '0')}`;
}

export interface BuildManualRiskOptions {
  id: string;
  input: ManualRiskInput;
  matrix: Matrix;
  riskMatrix: RiskMatrix;
  /** ids of the pack's playbooks: the only ones a risk may name */
  playbookIds: ReadonlySet<string>;
  /** ISO timestamp of the creation */
  at: string;
  /** who added it */
  by: string;
}

/** Validates the input and builds the register entry; throws a ZodError naming the field at fault. */
export function buildManualRisk({ id, input, matrix, riskMatrix, playbookIds, at, by }: BuildManualRiskOptions): Risk {
  const value = ManualRiskInputSchema.superRefine((v, ctx) => {
    for (const [i, p] of v.irPlaybooks.entries()) if (!playbookIds.has(p)) ctx.addIssue({ code: 'custom', path: ['irPlaybooks', i], message: `There is no playbook '${p}' in the content pack.` });
  }).parse(input);
  const models = serviceModels.filter((m) => value.serviceModels.includes(m));
  const { verification, ...raised } = raisedRiskFields({ matrix, riskMatrix, area: value.area, models, likelihood: value.likelihood, impact: value.impact });
  const created: Risk['history'][number] = { at, action: 'created', detail: `Added by hand: ${value.title}` };
  if (by.trim()) created.by = by.trim();
  const risk: Risk = {
    id,
    templateId: `${MANUAL_TEMPLATE_PREFIX}${id}`,
    title: value.title,
    category: value.category,
    threat: value.threat,
    area: value.area,
    ...raised,
    recommendation: { summary: value.recommendation },
    effort: value.effort,
    userImpact: value.userImpact,
    mappings: {},
    irPlaybooks: [...new Set(value.irPlaybooks)],
    evidence: { answers: [], findings: [], affectedResources: [], subscriptions: [] },
    disagreements: [],
    history: [created],
    evidenceStatus: 'manual',
  };
  if (verification) risk.verification = verification;
  return RiskSchema.parse(risk);
}
