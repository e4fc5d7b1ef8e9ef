import { membersOf, resourceGroupKey } from '../bundle/business-services';
import type { BusinessService } from '../bundle/schema';
import type { Resource } from '../inventory/normalise';
import { downtimeMinutesPerMonth, serialAvailability } from './composite';
import { compositeOf, type CompositeCommitment, type ResourceCommitment } from './resource-commitments';
import type { SlaTable, SlaTier, Tolerance } from './schema';

/** A business workload: resources that must all be up for the service to work. */
export interface Workload {
  id: string;
  name: string;
  /** how it was formed: the consultant's grouping, or the tag / resource group Demarc suggested it from */
  basis: string;
  resourceIds: string[];
  /** consultant: a business service the consultant stored; suggested: Demarc's grouping, not yet accepted */
  origin: 'consultant' | 'suggested';
  /**
   * What a business service accepting this suggestion records as its basis (`tag workload=LIMS`,
   * `resource group rg-lims`), and the members it stores: the tagged resources, or the group.
   */
  accept?: { basis: string; resourceIds: string[]; resourceGroups: string[] };
}

/**
 * Where a workload's tolerance comes from, in the order they are tried: the service's own
 * tolerated downtime a month, its recovery time objective, its criticality read through the
 * pack's tolerance table, the assessment's scoping answer read the same way.
 */
export type ToleranceBasisKind = 'service-downtime' | 'service-rto' | 'service-criticality' | 'scope-criticality';

/** How much downtime the client tolerates for a workload, and where that figure comes from. */
export interface DowntimeTolerance {
  maxDowntimeMinutesPerMonth: number;
  basis: string;
  /** absent for the command line's --rto / --criticality */
  kind?: ToleranceBasisKind;
}

/** One configuration change that would raise a resource's commitment. */
export interface CommitmentFix {
  resourceId: string;
  resourceName: string;
  fromTier: string;
  toTier: string;
  fix: string;
  priceClass: NonNullable<SlaTier['upgrade']>['priceClass'];
}

export interface WorkloadEvaluation {
  workload: Workload;
  commitments: ResourceCommitment[];
  composite: CompositeCommitment;
  tolerance?: DowntimeTolerance;
  /** `gap`: the composite allows more downtime than tolerated, or cannot be known */
  verdict: 'within-tolerance' | 'gap' | 'no-tolerance';
  /** the fixes, and the composite if every one of them were made */
  fixes: CommitmentFix[];
  compositeAfterFixes: number | null;
}

const TAG_KEYS = ['workload', 'application', 'app', 'service'];

function workloadTag(r: Resource): string | undefined {
  const tags = r.raw.tags;
  if (!tags || typeof tags !== 'object') return undefined;
  for (const [k, v] of Object.entries(tags)) if (TAG_KEYS.includes(k.toLowerCase()) && typeof v === 'string' && v.trim() !== '') return `${k}=${v.trim()}`;
  return undefined;
}

/**
 * Demarc's suggestion of workloads for the consultant to accept or regroup: resources sharing
 * a workload/application/app/service tag form one; the rest are grouped by resource group.
 * Only resources with an SLA of their own are placed (the others do not change a composite).
 */
export function suggestWorkloads(resources: readonly Resource[], commitments: readonly ResourceCommitment[]): Workload[] {
  const committed = new Set(commitments.map((c) => c.resourceId.toLowerCase()));
  const groups = new Map<string, Workload>();
  for (const r of resources) {
    if (!committed.has(r.id.toLowerCase())) continue;
    const tag = workloadTag(r);
    const key = tag ? `tag:${tag.toLowerCase()}` : `rg:${r.subscriptionId}/${r.resourceGroup}`.toLowerCase();
    let w = groups.get(key);
    if (!w) {
      const name = tag ? tag.split('=')[1]! : r.resourceGroup;
      const accept = tag
        ? { basis: `tag ${tag}`, resourceIds: [], resourceGroups: [] }
        : { basis: `resource group ${r.resourceGroup}`, resourceIds: [], resourceGroups: [resourceGroupKey(r.subscriptionId, r.resourceGroup)] };
      w = { id: key, name, basis: tag ? `Suggested from the tag ${tag}` : `Suggested from the resource group ${r.resourceGroup}`, resourceIds: [], origin: 'suggested', accept };
      groups.set(key, w);
    }
    w.resourceIds.push(r.id);
    if (tag) w.accept!.resourceIds.push(r.id);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The tolerance from the consultant's RTO when given, else from the scoping answer via the pack's readings. */
export function toleranceFor(table: Tolerance, criticality: string | undefined, rtoMinutes?: number): DowntimeTolerance | undefined {
  if (rtoMinutes !== undefined && rtoMinutes > 0) return { maxDowntimeMinutesPerMonth: rtoMinutes, basis: `Recovery time objective entered by the consultant: ${rtoMinutes} min` };
  const level = table.levels.find((l) => l.choice === criticality);
  return level ? { maxDowntimeMinutesPerMonth: level.maxDowntimeMinutesPerMonth, basis: `${table.question} = ${level.choice}: ${level.reading}` } : undefined;
}

/** How a stored business service's membership was formed, in words for the screen and the report. */
export function serviceBasisText(service: Pick<BusinessService, 'basis'>): string {
  const basis = service.basis?.trim();
  return !basis || basis === 'consultant' ? 'Defined by the consultant' : `Suggested from the ${basis}, kept by the consultant`;
}

/** The consultant's business services as workloads: their members in this inventory (listed or by resource group). */
export function workloadsOfServices(services: readonly BusinessService[], resources: readonly Resource[]): Workload[] {
  return services.map((s) => ({ id: s.id, name: s.name, basis: serviceBasisText(s), resourceIds: membersOf(s, resources).map((r) => r.id), origin: 'consultant' }));
}

const minutesWord = (n: number): string => `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })} min`;

/**
 * A business service's tolerance, and which figure it rests on: its own tolerated downtime a
 * month; else its RTO (one outage at the limit each month); else its criticality; else the
 * assessment's scoping answer. Criticalities are read through the pack's tolerance table.
 */
export function serviceTolerance(
  table: Tolerance,
  service: Pick<BusinessService, 'toleratedDowntimeMinutesPerMonth' | 'rtoMinutes' | 'criticality'> | undefined,
  scopeCriticality: string | undefined,
): DowntimeTolerance | undefined {
  const tolerated = service?.toleratedDowntimeMinutesPerMonth;
  if (tolerated !== undefined)
    return { maxDowntimeMinutesPerMonth: tolerated, kind: 'service-downtime', basis: `Tolerated downtime entered for the service: ${minutesWord(tolerated)} a month` };
  const rto = service?.rtoMinutes;
  if (rto !== undefined && rto > 0)
    return { maxDowntimeMinutesPerMonth: rto, kind: 'service-rto', basis: `Recovery time objective of the service (${minutesWord(rto)}), read as one outage at the limit a month` };
  const level = table.levels.find((l) => l.choice === service?.criticality);
  if (level) return { maxDowntimeMinutesPerMonth: level.maxDowntimeMinutesPerMonth, kind: 'service-criticality', basis: `Criticality of the service = ${level.choice}: ${level.reading}` };
  const scoped = toleranceFor(table, scopeCriticality);
  return scoped && { ...scoped, kind: 'scope-criticality' };
}

// Built once per commitment list and per table, not once per workload: an estate of 20,000
// resources has hundreds of suggested workloads, and lower-casing every id for each was seconds.
const positions = new WeakMap<readonly ResourceCommitment[], Map<string, number[]>>();
const tierIndexes = new WeakMap<SlaTable, Map<string, SlaTier>>();

/** The commitments of a workload's members, in the order of `all` (inventory order). */
function membersIn(workload: Workload, all: readonly ResourceCommitment[]): ResourceCommitment[] {
  let index = positions.get(all);
  if (!index) {
    index = new Map();
    all.forEach((c, i) => {
      const key = c.resourceId.toLowerCase();
      const list = index!.get(key);
      if (list) list.push(i);
      else index!.set(key, [i]);
    });
    positions.set(all, index);
  }
  const at = new Set(workload.resourceIds.flatMap((id) => index.get(id.toLowerCase()) ?? []));
  return [...at].sort((a, b) => a - b).map((i) => all[i]!);
}

function tierById(table: SlaTable): Map<string, SlaTier> {
  let index = tierIndexes.get(table);
  if (!index) tierIndexes.set(table, (index = new Map(table.services.flatMap((s) => s.tiers.map((t) => [t.id, t] as const)))));
  return index;
}

/** The fix each resource's tier names (once per redundancy group), and the figures they would reach. */
function fixesFor(commitments: readonly ResourceCommitment[], tiers: ReadonlyMap<string, SlaTier>): { fixes: CommitmentFix[]; after: (number | null)[] } {
  const fixes: CommitmentFix[] = [];
  const seenGroups = new Set<string>();
  const after = commitments.flatMap((c) => {
    if (c.redundancyGroup && seenGroups.has(c.redundancyGroup)) return [];
    if (c.redundancyGroup) seenGroups.add(c.redundancyGroup);
    const upgrade = tiers.get(c.tier)?.upgrade;
    const target = upgrade ? tiers.get(upgrade.to) : undefined;
    if (!upgrade || !target) return [c.sla];
    fixes.push({ resourceId: c.resourceId, resourceName: c.resourceName, fromTier: c.tier, toTier: target.id, fix: upgrade.fix, priceClass: upgrade.priceClass });
    return [typeof target.uptime === 'number' ? target.uptime : null];
  });
  return { fixes, after };
}

/**
 * A workload's serial composite against the client's tolerance. A composite that cannot be
 * known (a component without SLA or without a sourced figure) is a gap: the client cannot
 * show that the provider commits to what the business needs.
 */
export function evaluateWorkload(workload: Workload, all: readonly ResourceCommitment[], table: SlaTable, tolerance?: DowntimeTolerance): WorkloadEvaluation {
  const commitments = membersIn(workload, all);
  const composite = compositeOf(commitments);
  const { fixes, after } = fixesFor(commitments, tierById(table));
  const compositeAfterFixes = serialAvailability(after);
  let verdict: WorkloadEvaluation['verdict'] = 'no-tolerance';
  if (tolerance) {
    const downtime = downtimeMinutesPerMonth(composite.sla);
    verdict = downtime !== null && downtime <= tolerance.maxDowntimeMinutesPerMonth ? 'within-tolerance' : 'gap';
  }
  const evaluation: WorkloadEvaluation = { workload, commitments, composite, verdict, fixes, compositeAfterFixes };
  if (tolerance) evaluation.tolerance = tolerance;
  return evaluation;
}
