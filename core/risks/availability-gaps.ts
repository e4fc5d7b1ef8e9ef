import type { BusinessService } from '../bundle/schema';
import { downtimeMinutesPerMonth } from '../commitments/composite';
import { estateCommitments } from '../commitments/estate';
import type { ContentPack } from '../content/types';
import type { Answers } from '../interview/answers';
import type { WorkloadEvaluation } from '../commitments/workload';
import type { ServiceModel } from '../content/vocabulary';
import type { Resource } from '../inventory/normalise';

/** The risk template a workload's tolerance gap raises (a public id: never rename). */
export const AVAILABILITY_GAP_TEMPLATE = 'RT-SLA-AVAILABILITY-GAP';

/** One workload whose provider commitment does not cover the downtime the client tolerates. */
export interface AvailabilityGap {
  workloadId: string;
  workloadName: string;
  /** how the workload was formed (defined by the consultant, suggested from a tag…) */
  workloadBasis: string;
  /** exceeds: the composite allows more downtime than tolerated; no-sla: a member has no financially backed SLA */
  cause: 'exceeds' | 'no-sla';
  composite: number | null;
  downtimeMinutesPerMonth: number | null;
  toleranceMinutes: number;
  toleranceBasis: string;
  fixes: { resourceName: string; fix: string; priceClass: string }[];
  compositeAfterFixes: number | null;
  /** the workload's resources that carry a commitment */
  resourceIds: string[];
  subscriptionIds: string[];
  models: ServiceModel[];
}

/**
 * Why a workload's verdict is a gap the client owns, or null when it is not one. A composite
 * that is unknown only because Demarc could not source a figure (and the figures it has stay
 * within tolerance) is not raised: that gap is in our data, not in the client's architecture.
 */
function causeOf(e: WorkloadEvaluation): AvailabilityGap['cause'] | null {
  if (e.verdict !== 'gap' || !e.tolerance) return null;
  if (e.composite.missing.some((m) => m.status === 'no-sla')) return 'no-sla';
  const max = e.tolerance.maxDowntimeMinutesPerMonth;
  if (e.composite.downtimeMinutesPerMonth !== null) return e.composite.downtimeMinutesPerMonth > max ? 'exceeds' : null;
  // unknown figures only: the known part is a ceiling, so it already shows a gap if it exceeds
  const knownDowntime = downtimeMinutesPerMonth(e.composite.knownPartSla);
  return knownDowntime !== null && knownDowntime > max ? 'exceeds' : null;
}

/**
 * The workloads with a gap, in a stable order (by name, then id), with what the register's
 * evidence says of each: subscriptions and service models come from the inventory's resources.
 */
export function availabilityGaps(evaluations: readonly WorkloadEvaluation[], resources: readonly Resource[]): AvailabilityGap[] {
  const byId = new Map(resources.map((r) => [r.id.toLowerCase(), r]));
  const gaps: AvailabilityGap[] = [];
  for (const e of evaluations) {
    const cause = causeOf(e);
    if (!cause || !e.tolerance) continue;
    const resourceIds = [...new Set(e.commitments.map((c) => c.resourceId))].sort();
    const members = resourceIds.map((id) => byId.get(id.toLowerCase())).filter((r): r is Resource => r !== undefined);
    const models = [...new Set(members.map((r) => r.serviceModel).filter((m): m is ServiceModel => m !== 'unknown'))].sort();
    gaps.push({
      workloadId: e.workload.id,
      workloadName: e.workload.name,
      workloadBasis: e.workload.basis,
      cause,
      composite: e.composite.sla ?? e.composite.knownPartSla,
      downtimeMinutesPerMonth: e.composite.downtimeMinutesPerMonth,
      toleranceMinutes: e.tolerance.maxDowntimeMinutesPerMonth,
      toleranceBasis: e.tolerance.basis,
      fixes: e.fixes.map((f) => ({ resourceName: f.resourceName, fix: f.fix, priceClass: f.priceClass })),
      compositeAfterFixes: e.fixes.length > 0 ? e.compositeAfterFixes : null,
      resourceIds,
      subscriptionIds: [...new Set(members.map((r) => r.subscriptionId).filter((s) => s !== ''))].sort(),
      models,
    });
  }
  return gaps.sort((a, b) => (a.workloadName < b.workloadName ? -1 : a.workloadName > b.workloadName ? 1 : a.workloadId < b.workloadId ? -1 : 1));
}

const pct = (n: number | null): string => (n === null ? 'unknown' : `${n} %`);
const min = (n: number | null): string => (n === null ? 'unknown' : `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })} min`);

/** The register's evidence note for one workload's gap: figures, tolerance and its basis, the fixes with their price class. */
export function availabilityGapNote(g: AvailabilityGap): string {
  const figure =
    g.cause === 'no-sla'
      ? `at least one of its resources has no financially backed SLA, so Microsoft commits to no figure for it`
      : g.downtimeMinutesPerMonth === null
        ? `the resources with a sourced figure already compose to ${pct(g.composite)}, more downtime than tolerated`
        : `composite SLA ${pct(g.composite)}, up to ${min(g.downtimeMinutesPerMonth)} of downtime a month`;
  const fixes =
    g.fixes.length === 0
      ? ' No configuration change in the SLA table raises it: redesign (another region, a fallback) is the way.'
      : ` Fixes: ${g.fixes.map((f) => `${f.resourceName}: ${f.fix} (${f.priceClass.replace(/-/g, ' ')})`).join('; ')}; with all of them: ${pct(g.compositeAfterFixes)}.`;
  return `Workload "${g.workloadName}" (${g.workloadBasis}): ${figure}, against a tolerance of ${min(g.toleranceMinutes)} a month (${g.toleranceBasis}).${fixes}`;
}

/**
 * The gaps of an estate as the register derives them: the workloads are the stored business
 * services (else Demarc's suggestions), each against its own tolerance, the scoping answer last.
 */
export function estateAvailabilityGaps(pack: ContentPack, resources: readonly Resource[], services: readonly BusinessService[], answers: Answers): AvailabilityGap[] {
  const data = pack.commitments;
  if (!data || resources.length === 0) return [];
  const estate = estateCommitments({ data, resources, services, scopeCriticality: answers[data.tolerance.question]?.choices[0] });
  return availabilityGaps(estate.workloads, resources);
}
