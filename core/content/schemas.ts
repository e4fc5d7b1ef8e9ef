import { z } from 'zod';
import { ConditionSchema } from '../checks/condition-types';
import {
  AnswerResultSchema,
  AreaSchema,
  ArgTableSchema,
  BestPracticeSchema,
  EffortSchema,
  MappingsSchema,
  OwnerSchema,
  PlaybookPhaseSchema,
  RiskCategorySchema,
  ServiceModelSchema,
  SeveritySchema,
} from './vocabulary';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');
const dateLike = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date YYYY-MM-DD'), z.date()]).transform((d) =>
  d instanceof Date ? d.toISOString().slice(0, 10) : d,
);
const versionLike = z.union([z.string().min(1), z.number()]).transform((v) => String(v));
const lowerType = z
  .string()
  .min(3)
  .refine((t) => t === t.toLowerCase(), 'resource types are written in lower case, as Resource Graph returns them');

/** `pack.yaml`: the pack header. */
export const PackHeaderSchema = z.strictObject({
  id: kebab,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version like 1.0.0'),
  publicationDate: dateLike,
  title: z.string().min(1),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a locale like en-GB'),
  schemaVersion: z.literal(1),
  defaultMatrix: kebab,
});
export type PackHeader = z.infer<typeof PackHeaderSchema>;

const ModelColumn = z.enum(['on-prem', 'iaas', 'paas', 'saas']);

/** `matrices/<id>.yaml`: a responsibility matrix as data, with its map from canonical areas to its rows. */
export const MatrixSchema = z.strictObject({
  id: kebab,
  version: versionLike,
  title: z.string().min(1),
  source: z.string().min(1),
  columns: z.array(ModelColumn).min(1),
  rows: z
    .array(
      z.strictObject({
        id: kebab,
        label: z.string().min(1),
        owners: z.partialRecord(ModelColumn, OwnerSchema),
      }),
    )
    .min(1),
  areaMap: z.record(z.string(), kebab),
  notes: z.record(z.string(), z.string()).optional(),
});
export type Matrix = z.infer<typeof MatrixSchema>;

const ScaleEntry = z.strictObject({ value: z.number().int().min(1).max(5), label: z.string().min(1), description: z.string().optional() });

/** `risk-matrix.yaml`: the 5x5 likelihood x impact lookup grid. */
export const RiskMatrixSchema = z.strictObject({
  id: kebab,
  version: versionLike,
  title: z.string().min(1),
  source: z.string().min(1),
  likelihood: z.array(ScaleEntry).length(5),
  impact: z.array(ScaleEntry).length(5),
  levels: z.array(z.strictObject({ id: kebab, label: z.string().min(1), order: z.number().int() })).min(2),
  grid: z.array(z.array(kebab).length(5)).length(5),
});
export type RiskMatrix = z.infer<typeof RiskMatrixSchema>;

/** `service-models.yaml`: ARM type -> service model. */
export const ServiceModelsFileSchema = z.strictObject({
  types: z
    .array(
      z.strictObject({
        type: lowerType,
        model: ServiceModelSchema,
        label: z.string().min(1),
        note: z.string().optional(),
      }),
    )
    .min(1),
});

/** `frameworks/*.yaml`: a control list that mappings resolve against. */
export const FrameworkSchema = z.strictObject({
  id: kebab.or(z.string().regex(/^[a-z0-9.-]+$/)),
  framework: z.enum(['mcsb', 'cis', 'nistCsf']),
  title: z.string().min(1),
  version: versionLike,
  publicationDate: dateLike.optional(),
  source: z.string().min(1),
  complete: z.boolean().optional(),
  groups: z.array(z.strictObject({ id: z.string().min(1), title: z.string().min(1) })).optional(),
  controls: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        title: z.string().min(1),
        group: z.string().optional(),
        parent: z.string().optional(),
        kind: z.enum(['category', 'subcategory', 'control']).optional(),
      }),
    )
    .min(1),
});
export type Framework = z.infer<typeof FrameworkSchema>;

/** A `visibleWhen` condition over earlier answers. */
export type VisibleWhen = { question: string; anyOf: string[] } | { all: VisibleWhen[] } | { any: VisibleWhen[] };
export const VisibleWhenSchema: z.ZodType<VisibleWhen> = z.lazy(() =>
  z.union([
    z.strictObject({ question: z.string().min(1), anyOf: z.array(z.string().min(1)).min(1) }),
    z.strictObject({ all: z.array(VisibleWhenSchema).min(1) }),
    z.strictObject({ any: z.array(VisibleWhenSchema).min(1) }),
  ]),
) as z.ZodType<VisibleWhen>;

const ChoiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'choice ids are kebab-case'),
  label: z.string().min(1),
  score: z.number().min(0).max(100).optional(),
  result: AnswerResultSchema.optional(),
});

export const QuestionSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, 'question ids look like IDN-01 or SCOPE-MODELS'),
  kind: z.literal('scope').optional(),
  text: z.string().min(1),
  context: z.string().optional(),
  type: z.enum(['single', 'multiple']),
  area: AreaSchema.optional(),
  serviceModels: z.array(ServiceModelSchema).min(1).optional(),
  bestPractice: z.array(BestPracticeSchema).optional(),
  visibleWhen: VisibleWhenSchema.optional(),
  choices: z.array(ChoiceSchema).min(2),
  risk: z.string().optional(),
  claims: z.array(z.string()).optional(),
  mappings: MappingsSchema.optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

/** `interview/<nn>-<domain>.yaml`: one domain and its questions. */
export const InterviewFileSchema = z.strictObject({
  domain: z.strictObject({
    id: kebab,
    title: z.string().min(1),
    order: z.number().int().min(0),
    description: z.string().optional(),
    visibleWhen: VisibleWhenSchema.optional(),
  }),
  questions: z.array(QuestionSchema).min(1),
});
export type InterviewFile = z.infer<typeof InterviewFileSchema>;

export const RiskTemplateSchema = z.strictObject({
  id: z.string().regex(/^RT-[A-Z0-9]+(-[A-Z0-9]+)*$/, 'risk template ids look like RT-IDN-PRIV-MFA'),
  title: z.string().min(1),
  category: RiskCategorySchema,
  threat: z.string().min(1),
  area: AreaSchema,
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  recommendation: z.strictObject({
    summary: z.string().min(1),
    portal: z.array(z.string().min(1)).optional(),
    cli: z.string().optional(),
  }),
  effort: EffortSchema,
  userImpact: EffortSchema,
  mappings: MappingsSchema.optional(),
  irPlaybooks: z.array(kebab).optional(),
  /**
   * Raised by the scope itself rather than by an answer or a finding: when the scoping answer
   * puts any of these service models in scope. For provider-side threats that exist whatever
   * the customer does (assessments/FORMAT.md, "Who raises a risk").
   */
  raisedWhen: z.strictObject({ inScope: z.array(ServiceModelSchema).min(1) }).optional(),
});
export type RiskTemplate = z.infer<typeof RiskTemplateSchema>;

/** `template-migrations.yaml`: retired risk template ids and the template that absorbed each. */
export const TemplateMigrationSchema = z.strictObject({
  from: z.string().regex(/^RT-[A-Z0-9]+(-[A-Z0-9]+)*$/, 'risk template ids look like RT-IDN-PRIV-MFA'),
  to: z.string().regex(/^RT-[A-Z0-9]+(-[A-Z0-9]+)*$/, 'risk template ids look like RT-IDN-PRIV-MFA'),
  retiredIn: z.string().regex(/^\d+\.\d+\.\d+$/, 'the pack version that retired the id, like 1.1.0'),
  reason: z.string().min(1),
});
export type TemplateMigration = z.infer<typeof TemplateMigrationSchema>;
export const TemplateMigrationsFileSchema = z.strictObject({ migrations: z.array(TemplateMigrationSchema) });

/** `risk-templates/*.yaml`. */
export const RiskTemplatesFileSchema = z.strictObject({ templates: z.array(RiskTemplateSchema).min(1) });

const PathSchema = z.string().regex(/^(\.|\$?[A-Za-z0-9_@-]+(\.[A-Za-z0-9_@$-]+)*)$/, 'a dot path such as properties.networkAcls.defaultAction');

/** Aggregate form of a check: rows grouped per subscription into named sets. */
export const AggregateSchema = z.strictObject({
  groupBy: z.literal('subscription'),
  sets: z.record(
    z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
    z.strictObject({ types: z.array(lowerType).min(1), where: ConditionSchema.optional() }),
  ),
  derive: z
    .record(
      z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
      z.union([
        z.strictObject({ distinct: z.strictObject({ set: z.string(), path: PathSchema }) }),
        z.strictObject({ difference: z.tuple([z.string(), z.string()]) }),
        z.strictObject({
          collect: z.strictObject({
            set: z.string(),
            /** path in each row; an array value is walked element by element */
            path: PathSchema,
            /** keep only the elements matching this condition */
            where: ConditionSchema.optional(),
            /** path inside each kept element whose value is collected (default: the element) */
            value: PathSchema.optional(),
          }),
        }),
      ]),
    )
    .optional(),
});
export type AggregateSpec = z.infer<typeof AggregateSchema>;

/** Cross-resource join: related rows attached under `$join.<name>`. */
export const JoinSchema = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  z.strictObject({
    types: z.array(lowerType).min(1),
    /** path in the related row (arrays on the way are walked: every value found is a key) ... */
    their: PathSchema,
    /**
     * ... whose value equals (case-insensitively) this path in the subject row, or one of the
     * values collected from an array of the subject (`path`, kept elements `where`, `value` in each).
     */
    ours: z.union([
      PathSchema,
      z.strictObject({ path: PathSchema, where: ConditionSchema.optional(), value: PathSchema.optional() }),
    ]),
    /** `equal` (default), or `within`: their value is ours or an ARM id beneath it (a subnet id within a VNet id). */
    match: z.enum(['equal', 'within']).optional(),
    /** keep only the related rows matching this condition (evaluated once, when the index is built) */
    where: ConditionSchema.optional(),
  }),
);
export type JoinSpec = z.infer<typeof JoinSchema>[string];

const CheckIdSchema = z.string().regex(/^[A-Z]{2}-\d{2}$/, 'check ids look like ST-01');
const RemediationSchema = z.strictObject({ portal: z.array(z.string().min(1)).min(1), cli: z.string().optional() });

/**
 * A check whose failure is a live issue (an open alert, an attack path, a management port
 * open to the Internet, an administrator without MFA): the report escalates its risk to the
 * "act now (this week)" box whatever the target rating. `label` names the issue, `firstAction`
 * is what to do first; `describe` names each subject from its Resource Graph row (and the
 * rows the finding's evidence lists by id), e.g. "{properties.AlertDisplayName} on
 * {properties.CompromisedEntity}", used when every field is present.
 */
export const ActNowSchema = z.strictObject({
  label: z.string().min(1).max(120),
  firstAction: z.string().min(1).max(400),
  describe: z.string().regex(/\{[^{}]+\}/, 'describe names at least one {field.path}').max(200).optional(),
});
export type ActNow = z.infer<typeof ActNowSchema>;

/** A check over Resource Graph rows, evaluated from its declarative query and conditions. */
export const ArgCheckSchema = z
  .strictObject({
    id: CheckIdSchema,
    title: z.string().min(1),
    description: z.string().optional(),
    table: ArgTableSchema,
    resourceTypes: z.array(lowerType).min(1),
    kind: z.enum(['resource', 'aggregate']),
    evidenceSource: z.literal('arg'),
    query: z.string().min(1),
    serviceModel: ServiceModelSchema.optional(),
    join: JoinSchema.optional(),
    aggregate: AggregateSchema.optional(),
    appliesWhen: ConditionSchema.optional(),
    failWhen: ConditionSchema,
    severity: SeveritySchema,
    area: AreaSchema,
    risk: z.string().min(1),
    remediation: RemediationSchema,
    mappings: MappingsSchema,
    /**
     * Mappings that depend on the subject row (one Defender plan, one CIS recommendation): the
     * value at `field` (case-insensitive) picks an entry whose keys replace the check's own
     * for that finding.
     */
    subjectMappings: z.strictObject({ field: PathSchema, values: z.record(z.string().min(1), MappingsSchema) }).optional(),
    references: z.array(z.string()).optional(),
    actNow: ActNowSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'aggregate' && !c.aggregate) ctx.addIssue({ code: 'custom', path: ['aggregate'], message: 'an aggregate check needs `aggregate`' });
    if (c.kind === 'aggregate' && !c.serviceModel)
      ctx.addIssue({ code: 'custom', path: ['serviceModel'], message: 'an aggregate check must declare the serviceModel its subscription-level findings use' });
    if (c.kind === 'resource' && c.aggregate) ctx.addIssue({ code: 'custom', path: ['aggregate'], message: '`aggregate` is only for kind: aggregate' });
    if (c.kind === 'aggregate' && c.join) ctx.addIssue({ code: 'custom', path: ['join'], message: '`join` is only for kind: resource' });
  });
export type ArgCheck = z.infer<typeof ArgCheckSchema>;

/**
 * A check over a Microsoft Graph snapshot (Entra ID and Microsoft 365). The pack registers it
 * (title, severity, area, risk, remediation, mappings) like any other evidence source; its
 * rule is code in core/graph/checks/, found by id, because it joins collections and reads
 * Conditional Access semantics a field condition cannot express. Entra ID and Microsoft 365
 * are SaaS, so the service model is fixed.
 */
export const GraphCheckSchema = z.strictObject({
  id: CheckIdSchema,
  title: z.string().min(1),
  description: z.string().optional(),
  evidenceSource: z.literal('graph'),
  serviceModel: z.literal('saas'),
  severity: SeveritySchema,
  area: AreaSchema,
  risk: z.string().min(1),
  remediation: RemediationSchema,
  mappings: MappingsSchema,
  references: z.array(z.string()).optional(),
  actNow: ActNowSchema.optional(),
});
export type GraphCheckEntry = z.infer<typeof GraphCheckSchema>;

/** A check of the pack: its evidence source says how it is evaluated. */
export const CheckSchema = z.discriminatedUnion('evidenceSource', [ArgCheckSchema, GraphCheckSchema]);
export type Check = z.infer<typeof CheckSchema>;

export const isArgCheck = (c: Check): c is ArgCheck => c.evidenceSource === 'arg';
export const isGraphCheck = (c: Check): c is GraphCheckEntry => c.evidenceSource === 'graph';

/** `checks/<group>.yaml`. */
export const ChecksFileSchema = z.strictObject({ checks: z.array(CheckSchema).min(1) });

/** A fixture: an array of Resource Graph rows (objects). */
export const FixtureSchema = z.array(z.record(z.string(), z.unknown())).min(1);

export type SelectClause =
  | { always: true }
  | { checkFailed: string[] }
  | { riskTemplate: string[] }
  | { riskCategory: string[] }
  | { serviceModel: string[] }
  | { answer: { question: string; anyOf: string[] } };

const SelectClauseSchema = z.union([
  z.strictObject({ always: z.literal(true) }),
  z.strictObject({ checkFailed: z.array(z.string()).min(1) }),
  z.strictObject({ riskTemplate: z.array(z.string()).min(1) }),
  z.strictObject({ riskCategory: z.array(RiskCategorySchema).min(1) }),
  z.strictObject({ serviceModel: z.array(ServiceModelSchema).min(1) }),
  z.strictObject({ answer: z.strictObject({ question: z.string(), anyOf: z.array(z.string()).min(1) }) }),
]);

/** `playbooks/<id>.yaml`: an incident response scenario playbook. */
export const PlaybookSchema = z.strictObject({
  id: kebab,
  title: z.string().min(1),
  summary: z.string().min(1),
  selectWhen: z.union([
    z.strictObject({ any: z.array(SelectClauseSchema).min(1) }),
    z.strictObject({ all: z.array(SelectClauseSchema).min(1) }),
  ]),
  prerequisites: z.array(z.string().min(1)).optional(),
  steps: z
    .array(z.strictObject({ phase: PlaybookPhaseSchema, actor: OwnerSchema, text: z.string().min(1) }))
    .min(1),
  mappings: MappingsSchema.optional(),
});
export type Playbook = z.infer<typeof PlaybookSchema>;
