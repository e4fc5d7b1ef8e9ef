import { z } from 'zod';

/** Cloud service models a resource or question can belong to. */
export const serviceModels = ['iaas', 'paas', 'saas'] as const;
export const ServiceModelSchema = z.enum(serviceModels);
export type ServiceModel = z.infer<typeof ServiceModelSchema>;

/** Who owns a responsibility (docs/DOMAIN.md §1c). */
export const OwnerSchema = z.enum(['microsoft', 'customer', 'shared']);
export type Owner = z.infer<typeof OwnerSchema>;

/**
 * Canonical responsibility areas: the rows of the January 2026 matrix, plus two of Demarc's:
 * `identity-infrastructure` (the classic diagram's "identity and directory infrastructure" row,
 * which the 2026 table folds into identities) and `governance` (the customer's own governance
 * of its cloud use, which neither Microsoft matrix lists; see assessments/FORMAT.md).
 */
export const areas = [
  'customer-data',
  'governance',
  'configurations-settings',
  'identities-users',
  'identity-infrastructure',
  'client-devices',
  'applications',
  'network-controls',
  'operating-system',
  'physical-hosts',
  'physical-network',
  'physical-datacenter',
] as const;
export const AreaSchema = z.enum(areas);
export type Area = z.infer<typeof AreaSchema>;

export const AnswerResultSchema = z.enum(['compliant', 'partial', 'non-compliant', 'not-applicable']);
export type AnswerResult = z.infer<typeof AnswerResultSchema>;

export const SeveritySchema = z.enum(['low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof SeveritySchema>;

export const RiskCategorySchema = z.enum([
  'identity',
  'privileged-access',
  'data-protection',
  'network',
  'workload',
  'logging-detection',
  'backup-recovery',
  'governance',
  'devsecops',
  'third-party',
  'm365',
  'incident-response',
  'provider',
]);
export type RiskCategory = z.infer<typeof RiskCategorySchema>;

export const BestPracticeSchema = z.enum([
  'sla-review',
  'data-security',
  'devsecops',
  'trusted-partner',
  'mfa',
  'secure-defaults',
  'monitoring-and-ir',
]);

/** Resource Graph tables a check may read. */
export const ArgTableSchema = z.enum([
  'resources',
  'resourcecontainers',
  'securityresources',
  'authorizationresources',
  'appserviceresources',
  'recoveryservicesresources',
]);
export type ArgTable = z.infer<typeof ArgTableSchema>;

export const EffortSchema = z.enum(['low', 'medium', 'high']);

export const PlaybookPhaseSchema = z.enum([
  'preparation',
  'detection-analysis',
  'containment',
  'eradication',
  'recovery',
  'post-incident',
]);

/** Framework mappings; every id must resolve against `frameworks/*.yaml`. */
export const MappingsSchema = z.strictObject({
  mcsb: z.array(z.string().min(1)).optional(),
  cis: z.array(z.string().min(1)).optional(),
  nistCsf: z.array(z.string().min(1)).optional(),
});
export type Mappings = z.infer<typeof MappingsSchema>;
export type FrameworkKey = keyof Mappings;
