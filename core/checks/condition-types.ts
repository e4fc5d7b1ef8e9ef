import { z } from 'zod';

/**
 * Comparison operators of a field condition (PSRule style). Exactly one per condition.
 * See core/checks/README.md for their semantics (case-insensitive strings, null/missing).
 */
export const comparisonOperators = [
  'equals',
  'notEquals',
  'in',
  'notIn',
  'exists',
  'greater',
  'greaterOrEquals',
  'less',
  'lessOrEquals',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'matches',
  'coversPort',
  'nsgAllowsInbound',
] as const;

/** Quantifiers over an array field; `where` filters the elements first. */
export const quantifiers = ['any', 'all', 'none', 'count'] as const;

type Scalar = string | number | boolean | null;

/** Numeric comparison used by `count`. */
export interface CountComparison {
  equals?: number;
  notEquals?: number;
  greater?: number;
  greaterOrEquals?: number;
  less?: number;
  lessOrEquals?: number;
}

/** Parameters of `nsgAllowsInbound` (NSG rule evaluation by priority). */
export interface NsgInboundQuery {
  /** Ports to test, or "any" for any port. */
  ports: number[] | 'any';
  /** Protocol to test: tcp, udp or "*" (any protocol). */
  protocol: 'tcp' | 'udp' | '*';
}

/** A condition over one field of the row (or of an array element inside `where`). */
export interface FieldCondition {
  /** Dot path from the row root, e.g. `properties.networkAcls.defaultAction`; `.` is the element itself. */
  field: string;
  equals?: Scalar;
  notEquals?: Scalar;
  in?: Scalar[];
  notIn?: Scalar[];
  exists?: boolean;
  greater?: number | string;
  greaterOrEquals?: number | string;
  less?: number | string;
  lessOrEquals?: number | string;
  contains?: string;
  notContains?: string;
  startsWith?: string;
  endsWith?: string;
  matches?: string;
  coversPort?: number | number[];
  nsgAllowsInbound?: NsgInboundQuery;
  where?: Condition;
  any?: true;
  all?: true;
  none?: true;
  count?: CountComparison;
}

/** A declarative condition: field condition or a boolean combination. */
export type Condition = FieldCondition | { allOf: Condition[] } | { anyOf: Condition[] } | { not: Condition };

const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const OrderableSchema = z.union([z.number(), z.string()]);

const CountSchema = z
  .strictObject({
    equals: z.number().optional(),
    notEquals: z.number().optional(),
    greater: z.number().optional(),
    greaterOrEquals: z.number().optional(),
    less: z.number().optional(),
    lessOrEquals: z.number().optional(),
  })
  .refine((c) => Object.keys(c).length === 1, { message: 'count takes exactly one comparison' });

const NsgQuerySchema = z.strictObject({
  ports: z.union([z.array(z.number().int().min(0).max(65535)).min(1), z.literal('any')]),
  protocol: z.enum(['tcp', 'udp', '*']),
});

/** zod schema of {@link Condition}; errors name the path inside the condition. */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ allOf: z.array(ConditionSchema).min(1) }),
    z.strictObject({ anyOf: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    FieldConditionSchema,
  ]),
) as z.ZodType<Condition>;

const FieldConditionSchema = z
  .strictObject({
    field: z.string().min(1),
    equals: ScalarSchema.optional(),
    notEquals: ScalarSchema.optional(),
    in: z.array(ScalarSchema).optional(),
    notIn: z.array(ScalarSchema).optional(),
    exists: z.boolean().optional(),
    greater: OrderableSchema.optional(),
    greaterOrEquals: OrderableSchema.optional(),
    less: OrderableSchema.optional(),
    lessOrEquals: OrderableSchema.optional(),
    contains: z.string().optional(),
    notContains: z.string().optional(),
    startsWith: z.string().optional(),
    endsWith: z.string().optional(),
    matches: z
      .string()
      .refine((s) => {
        try {
          new RegExp(s, 'i');
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression')
      .optional(),
    coversPort: z.union([z.number().int().min(0).max(65535), z.array(z.number().int().min(0).max(65535)).min(1)]).optional(),
    nsgAllowsInbound: NsgQuerySchema.optional(),
    where: z.lazy(() => ConditionSchema).optional(),
    any: z.literal(true).optional(),
    all: z.literal(true).optional(),
    none: z.literal(true).optional(),
    count: CountSchema.optional(),
  })
  .superRefine((c, ctx) => {
    const ops = comparisonOperators.filter((op) => (c as Record<string, unknown>)[op] !== undefined);
    const quants = quantifiers.filter((q) => (c as Record<string, unknown>)[q] !== undefined);
    if (ops.length + quants.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a field condition needs exactly one operator or quantifier (${[...comparisonOperators, ...quantifiers].join(', ')}); found ${[...ops, ...quants].join(', ') || 'none'}`,
      });
    }
    if (c.where !== undefined && quants.length === 0) {
      ctx.addIssue({ code: 'custom', message: '`where` needs a quantifier: any, all, none or count', path: ['where'] });
    }
  });
