import { downtimeMinutesPerMonth } from '../../commitments/composite';
import type { ResourceCommitment } from '../../commitments/resource-commitments';
import type { ProviderCommitments } from '../../commitments/schema';
import { estateCommitments } from '../../commitments/estate';
import { toleranceFor, type WorkloadEvaluation } from '../../commitments/workload';
import { AVAILABILITY_GAP_TEMPLATE, availabilityGaps } from '../../risks/availability-gaps';
import { normaliseRows, serviceModelLookup, type Resource } from '../../inventory/normalise';
import { counted } from '../labels';
import type { ReportModel } from '../types';
import { MAX_NOTE, type ModelContext } from './context';
import { otherProvidersView } from './other-providers';

type Chapter = NonNullable<ReportModel['providerCommitments']>;

export const percentText = (n: number | null): string => (n === null ? 'Unknown' : `${n} %`);

/**
 * A composite (a product of SLA figures) to three decimals, rounded down so the ceiling it
 * represents is never overstated: "90.159 %", not the false precision of "90.159773 %".
 */
export const compositeText = (n: number | null): string => (n === null ? 'Unknown' : percentText(Math.floor(n * 1000 + 1e-6) / 1000));
export const minutesText = (n: number | null): string => (n === null ? '—' : `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })} min`);

function figureText(c: Pick<ResourceCommitment, 'status' | 'sla'>): string {
  if (c.status === 'no-sla') return 'No SLA';
  return percentText(c.sla);
}

/** One row per service and configuration: how many of the client's resources have that commitment. */
function serviceRows(ctx: ModelContext, commitments: readonly ResourceCommitment[], data: ProviderCommitments): Chapter['services'] {
  const groups = new Map<string, ResourceCommitment[]>();
  for (const c of commitments) (groups.get(c.tier) ?? groups.set(c.tier, []).get(c.tier)!).push(c);
  const order = data.sla.services.flatMap((s) => s.tiers.map((t) => t.id));
  return [...groups.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([, list]) => {
      const first = list[0]!;
      return {
        service: first.serviceTitle,
        configuration: first.configuration,
        resources: ctx.clean(list.map((c) => c.resourceName).join(', '), MAX_NOTE),
        count: list.length,
        sla: figureText(first),
        downtime: minutesText(downtimeMinutesPerMonth(first.sla)),
        source: `${first.source.title} (${first.source.date})`,
      };
    });
}

function workloadRow(ctx: ModelContext, e: WorkloadEvaluation, gapRisk: string | undefined): Chapter['workloads'][number] {
  const missing = e.composite.missing.length;
  return {
    tolerance: e.tolerance ? ctx.clean(`${minutesText(e.tolerance.maxDowntimeMinutesPerMonth)} a month (${e.tolerance.basis})`, MAX_NOTE) : 'Not set',
    riskIds: gapRisk ? [gapRisk] : [],
    name: ctx.clean(e.workload.name),
    basis: ctx.clean(`${e.workload.basis}; ${counted(e.commitments.length, 'resource')}`),
    composite: compositeText(e.composite.sla) + (missing > 0 ? ` (${missing} without a figure)` : ''),
    downtime: minutesText(e.composite.downtimeMinutesPerMonth),
    verdict: e.verdict === 'gap' ? 'Gap' : e.verdict === 'within-tolerance' ? 'Within tolerance' : 'No tolerance set',
    fixes: e.fixes.map((f) => ctx.clean(`${f.resourceName}: ${f.fix} (${f.priceClass.replace(/-/g, ' ')})`, MAX_NOTE)),
    afterFixes: e.fixes.length > 0 ? compositeText(e.compositeAfterFixes) : '',
  };
}

/** The risk raised from a check's failures, if any, for linking a grey area to the register. */
function riskOfCheck(ctx: ModelContext, checkId: string): string | undefined {
  const template = ctx.checkById.get(checkId)?.risk;
  return template ? ctx.bundle.risks.find((r) => r.templateId === template)?.id : undefined;
}

/** Grey areas that apply to this estate, with the numbers from its inventory. */
function tailoredGreyAreas(ctx: ModelContext, resources: readonly Resource[], commitments: readonly ResourceCommitment[]): Chapter['greyAreas'] {
  const out: Chapter['greyAreas'] = [];
  const failing = (checkId: string) => ctx.bundle.inventory.findings.filter((f) => f.checkId === checkId && f.status === 'fail').length;
  const vms = resources.filter((r) => r.type === 'microsoft.compute/virtualmachines').length;
  const unprotected = failing('VM-05');
  if (vms > 0 && unprotected > 0) {
    const risk = riskOfCheck(ctx, 'VM-05');
    out.push({ text: `Microsoft does not back up virtual machines: backup is the customer's to configure. ${unprotected} of ${vms} VMs have no Azure Backup protection.`, riskIds: risk ? [risk] : [] });
  }
  const noSla = commitments.filter((c) => c.status === 'no-sla');
  if (noSla.length > 0)
    out.push({ text: `${counted(noSla.length, 'resource')} ${noSla.length === 1 ? 'runs' : 'run'} in a configuration with no financially backed SLA (${[...new Set(noSla.map((c) => c.configuration))].join('; ')}): an outage there earns no credit at all.`, riskIds: [] });
  const singles = commitments.filter((c) => c.tier.startsWith('vm-single-'));
  if (singles.length > 0)
    out.push({ text: `${counted(singles.length, 'VM')} ${singles.length === 1 ? 'runs as a single instance' : 'run as single instances'}: Microsoft's commitment for each is that of its lowest disk type, and maintenance or a host failure takes the service down.`, riskIds: [] });
  const zrs = resources.filter((r) => r.type === 'microsoft.storage/storageaccounts' && /zrs/i.test(String((r.raw.sku as { name?: unknown } | undefined)?.name ?? '')));
  if (zrs.length > 0) out.push({ text: `${counted(zrs.length, 'storage account')} ${zrs.length === 1 ? 'uses' : 'use'} zone-redundant storage: it survives a zone loss, but the SLA figure is the same as locally redundant storage.`, riskIds: [] });
  return out.map((g) => ({ text: ctx.clean(g.text, MAX_NOTE), riskIds: g.riskIds }));
}

/**
 * The "Provider commitments" chapter: what Microsoft commits to for this estate, per service
 * configuration and per workload against the client's tolerance, what a credit is worth,
 * the grey areas that apply here, when to re-open the review, and other providers in scope.
 * Undefined when the pack carries no commitment data.
 */
export function providerCommitments(ctx: ModelContext): ReportModel['providerCommitments'] {
  const data = ctx.pack.commitments;
  if (!data) return undefined;
  const resources = normaliseRows(
    ctx.bundle.inventory.resources.map((r) => r.row),
    serviceModelLookup(ctx.pack.serviceModels),
  );
  const criticality = ctx.bundle.answers[data.tolerance.question]?.choices[0];
  const tolerance = toleranceFor(data.tolerance, criticality);
  const estate = estateCommitments({ data, resources, services: ctx.bundle.businessServices ?? [], scopeCriticality: criticality });
  const { commitments, workloads } = estate;
  // a workload short of its tolerance is evidence of the register's availability-gap risk
  const gapRisk = ctx.bundle.risks.find((r) => r.templateId === AVAILABILITY_GAP_TEMPLATE)?.id;
  const withGap = new Set(availabilityGaps(workloads, resources).map((g) => g.workloadId));
  return {
    slaEdition: `${data.sla.title}, following Microsoft's Online Services SLA edition of ${data.sla.version} (compiled ${data.sla.compiled})`,
    counts: {
      committed: commitments.filter((c) => c.status === 'committed').length,
      noSla: commitments.filter((c) => c.status === 'no-sla').length,
      unknown: commitments.filter((c) => c.status === 'unknown').length,
    },
    services: serviceRows(ctx, commitments, data),
    tolerance: tolerance ? `${minutesText(tolerance.maxDowntimeMinutesPerMonth)} of downtime a month (${tolerance.basis})` : '',
    workloadSource: estate.workloadSource,
    workloads: workloads.map((w) => workloadRow(ctx, w, withGap.has(w.workload.id) ? gapRisk : undefined)),
    creditTerms: data.sla.generalTerms.map((t) => t.text),
    greyAreas: tailoredGreyAreas(ctx, resources, commitments),
    otherProviders: otherProvidersView(ctx, data),
    sources: data.sla.sources.map((s) => `${s.id}: ${s.title}, ${s.publisher}, ${s.date} (${s.readAs === 'transcribed' ? 'read through a verbatim transcription' : s.readAs === 'primary-old' ? 'an older edition' : 'read on the provider’s page'}), ${s.url}`),
  };
}
