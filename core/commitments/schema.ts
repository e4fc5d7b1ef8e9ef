import { z } from 'zod';

/**
 * Schemas of the provider-commitment data in a content pack (`commitments/*.yaml`): what
 * Microsoft commits to per service configuration, and its support plans. Figures are data,
 * each naming its source; `unknown` is a value in its own right, never a guessed number.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id');
const sourceId = z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'expected a source id such as SLA-2609');

/** A monthly uptime percentage, `none` (no financially backed SLA) or `unknown`. */
export const UptimeSchema = z.union([z.number().min(0).max(100), z.literal('none'), z.literal('unknown')]);
export type Uptime = z.infer<typeof UptimeSchema>;

export const CommitmentSourceSchema = z.strictObject({
  id: sourceId,
  title: z.string().min(1),
  publisher: z.string().min(1),
  date: isoDate,
  url: z.url({ protocol: /^https$/ }),
  /** primary: the provider's page read directly; primary-old: an older edition; transcribed: the provider's text through a public verbatim copy */
  readAs: z.enum(['primary', 'primary-old', 'transcribed']),
  note: z.string().optional(),
});
export type CommitmentSource = z.infer<typeof CommitmentSourceSchema>;

const CreditTierSchema = z.strictObject({ below: z.number().min(0).max(100), credit: z.number().min(0).max(100) });

export const SlaTierSchema = z.strictObject({
  id,
  configuration: z.string().min(1),
  uptime: UptimeSchema,
  /** for services measured separately for reads (Storage, Cosmos DB) */
  readUptime: UptimeSchema.optional(),
  credits: z.array(CreditTierSchema).optional(),
  source: sourceId,
  note: z.string().optional(),
  /** the configuration change that moves a resource to a better tier, and what it costs in kind */
  upgrade: z
    .strictObject({
      to: id,
      fix: z.string().min(1),
      priceClass: z.enum(['no-extra-cost', 'configuration-only', 'tier-upgrade', 'more-instances', 'redesign']),
    })
    .optional(),
});
export type SlaTier = z.infer<typeof SlaTierSchema>;

export const SlaServiceSchema = z.strictObject({
  id,
  title: z.string().min(1),
  measuredIn: z.string().min(1),
  tiers: z.array(SlaTierSchema).min(1),
  exclusions: z.array(z.string().min(1)).optional(),
});
export type SlaService = z.infer<typeof SlaServiceSchema>;

export const SlaTableSchema = z.strictObject({
  id,
  version: isoDate,
  compiled: isoDate,
  title: z.string().min(1),
  sources: z.array(CommitmentSourceSchema).min(1),
  generalTerms: z.array(z.strictObject({ id, text: z.string().min(1), source: sourceId })),
  services: z.array(SlaServiceSchema).min(1),
});
export type SlaTable = z.infer<typeof SlaTableSchema>;

/** A response target as Microsoft words it (`< 1 hour`), `none` (not offered) or `unknown`. */
const ResponseSchema = z.union([z.literal('none'), z.literal('unknown'), z.string().regex(/^< /, "expected '< …', 'none' or 'unknown'")]);

export const SupportPlansSchema = z.strictObject({
  id,
  version: isoDate,
  title: z.string().min(1),
  sources: z.array(CommitmentSourceSchema).min(1),
  severities: z.array(z.strictObject({ id: z.enum(['A', 'B', 'C']), label: z.string().min(1), text: z.string().min(1), source: sourceId })).length(3),
  plans: z
    .array(
      z.strictObject({
        id,
        title: z.string().min(1),
        response: z.strictObject({ A: ResponseSchema, B: ResponseSchema, C: ResponseSchema }),
        roundTheClockSevA: z.boolean(),
        note: z.string().optional(),
        source: sourceId,
      }),
    )
    .min(1),
});
export type SupportPlans = z.infer<typeof SupportPlansSchema>;

export const ToleranceSchema = z.strictObject({
  id,
  version: isoDate,
  /** the scoping question whose answer selects a level */
  question: z.string().min(1),
  levels: z
    .array(z.strictObject({ choice: id, maxDowntimeMinutesPerMonth: z.number().positive(), reading: z.string().min(1) }))
    .min(1),
});
export type Tolerance = z.infer<typeof ToleranceSchema>;

const OtherOwnerSchema = z.enum(['provider', 'customer', 'shared', 'unknown']);

export const OtherProvidersSchema = z.strictObject({
  id,
  version: isoDate,
  sources: z.array(CommitmentSourceSchema).min(1),
  providers: z
    .array(
      z.strictObject({
        id,
        name: z.string().min(1),
        /** the SCOPE-OTHER-CLOUDS choice that puts this provider in scope */
        scopeChoice: id,
        summary: z.string().min(1),
        source: sourceId,
        columns: z.array(z.strictObject({ id, label: z.string().min(1), likeModel: z.enum(['iaas', 'paas', 'saas']) })).min(1),
        rows: z
          .array(
            z.strictObject({
              area: id,
              owners: z.record(z.string(), OtherOwnerSchema),
              /** provider: the provider's own words; judgement: Demarc's mapping onto Microsoft's row */
              basis: z.enum(['provider', 'judgement']),
              note: z.string().optional(),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});
export type OtherProviders = z.infer<typeof OtherProvidersSchema>;

/** The provider-commitment worksheet (`commitments/provider-worksheet.yaml`): items are questions about the client's own terms with a provider, never a provider's figure. */
export const WorksheetItemSchema = z.strictObject({
  id,
  /** short, for a report column */
  label: z.string().min(1).max(60),
  question: z.string().min(1),
  /** what the note should capture */
  record: z.string().min(1),
  why: z.string().min(1),
  /** provider pages that show why the item matters (may be empty: the item is a plain contract question) */
  sources: z.array(sourceId),
  /** the risk template a gap on this item feeds */
  risk: z.string().regex(/^RT-[A-Z0-9-]+$/, 'expected a risk template id such as RT-MCL-IR-GAPS').optional(),
});
export type WorksheetItem = z.infer<typeof WorksheetItemSchema>;

export const WorksheetItemsSchema = z.strictObject({
  id,
  version: isoDate,
  title: z.string().min(1),
  /** the scoping question whose choices put other providers in scope */
  scopeQuestion: z.string().min(1),
  /** its choice meaning "no other provider" */
  noneChoice: id,
  /** its choice naming a provider the pack has no matrix for (the consultant types the name) */
  namedChoice: id,
  sources: z.array(CommitmentSourceSchema),
  items: z.array(WorksheetItemSchema).min(1),
});
export type WorksheetItems = z.infer<typeof WorksheetItemsSchema>;

/** Ids unique, every cited source listed. */
export function worksheetProblems(data: WorksheetItems): [string, string][] {
  const problems: [string, string][] = [];
  const sources = new Set(data.sources.map((s) => s.id));
  const seen = new Set<string>();
  data.items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push([`items[${i}].id`, `duplicate item id '${item.id}'`]);
    seen.add(item.id);
    item.sources.forEach((s, si) => {
      if (!sources.has(s)) problems.push([`items[${i}].sources[${si}]`, `unknown source '${s}'`]);
    });
  });
  return problems;
}

/** The provider-commitment data of a pack. */
export interface ProviderCommitments {
  sla: SlaTable;
  supportPlans: SupportPlans;
  tolerance: Tolerance;
  otherProviders: OtherProviders;
  /** the worksheet filled in for each non-Microsoft provider in scope */
  worksheet: WorksheetItems;
}

/** Every row on a canonical area, every column filled exactly, every source listed. */
export function otherProviderProblems(data: OtherProviders, canonicalAreas: readonly string[]): [string, string][] {
  const problems: [string, string][] = [];
  const sources = new Set(data.sources.map((s) => s.id));
  data.providers.forEach((p, pi) => {
    if (!sources.has(p.source)) problems.push([`providers[${pi}].source`, `unknown source '${p.source}'`]);
    const columns = p.columns.map((c) => c.id).sort();
    p.rows.forEach((row, ri) => {
      const at = `providers[${pi}].rows[${ri}]`;
      if (!canonicalAreas.includes(row.area)) problems.push([`${at}.area`, `'${row.area}' is not a canonical responsibility area`]);
      const keys = Object.keys(row.owners).sort();
      if (keys.join(',') !== columns.join(',')) problems.push([`${at}.owners`, `owners must name exactly the columns ${columns.join(', ')}`]);
    });
  });
  return problems;
}

/**
 * Cross-file rules zod cannot express: ids unique, every cited source listed, credit tiers
 * descending. Returns problems as `[path, message]` pairs for the caller to attach to a file.
 */
export function slaTableProblems(table: SlaTable): [string, string][] {
  const problems: [string, string][] = [];
  const sources = new Set(table.sources.map((s) => s.id));
  const seenTiers = new Set<string>();
  table.generalTerms.forEach((t, i) => {
    if (!sources.has(t.source)) problems.push([`generalTerms[${i}].source`, `unknown source '${t.source}'`]);
  });
  table.services.forEach((service, si) => {
    service.tiers.forEach((tier, ti) => {
      const at = `services[${si}].tiers[${ti}]`;
      if (seenTiers.has(tier.id)) problems.push([`${at}.id`, `duplicate tier id '${tier.id}'`]);
      seenTiers.add(tier.id);
      if (!sources.has(tier.source)) problems.push([`${at}.source`, `unknown source '${tier.source}'`]);
      if (tier.credits && typeof tier.uptime !== 'number') problems.push([`${at}.credits`, 'credits need a numeric uptime']);
      tier.credits?.forEach((c, ci) => {
        const prev = tier.credits![ci - 1];
        if (prev && !(c.below < prev.below && c.credit > prev.credit)) problems.push([`${at}.credits[${ci}]`, 'credit tiers must go down in uptime and up in credit']);
      });
      if (tier.upgrade && !table.services.some((x) => x.tiers.some((t) => t.id === tier.upgrade!.to)))
        problems.push([`${at}.upgrade.to`, `unknown tier '${tier.upgrade.to}'`]);
      if (tier.credits && typeof tier.uptime === 'number' && tier.credits[0]!.below !== tier.uptime)
        problems.push([`${at}.credits[0].below`, `the first credit tier must start at the committed uptime ${tier.uptime}`]);
    });
  });
  return problems;
}

/** Same for the support plans. */
export function supportPlanProblems(plans: SupportPlans): [string, string][] {
  const problems: [string, string][] = [];
  const sources = new Set(plans.sources.map((s) => s.id));
  plans.severities.forEach((s, i) => {
    if (!sources.has(s.source)) problems.push([`severities[${i}].source`, `unknown source '${s.source}'`]);
  });
  plans.plans.forEach((p, i) => {
    if (!sources.has(p.source)) problems.push([`plans[${i}].source`, `unknown source '${p.source}'`]);
  });
  return problems;
}
