import type { Resource } from '../inventory/normalise';
import { chooseTier, indexInventory } from './classify';
import { downtimeMinutesPerMonth, serialAvailability } from './composite';
import type { CommitmentSource, SlaTable, SlaTier } from './schema';

/** What Microsoft commits to for one resource, and why. */
export interface ResourceCommitment {
  resourceId: string;
  resourceName: string;
  resourceType: string;
  /** service id in the SLA table */
  service: string;
  serviceTitle: string;
  tier: string;
  /** the configuration the tier names, as the SLA words it */
  configuration: string;
  /** committed: `sla` is a number; no-sla: no financially backed SLA; unknown: no figure could be sourced */
  status: 'committed' | 'no-sla' | 'unknown';
  /** monthly uptime percentage, or null */
  sla: number | null;
  /** what in the inventory decided the tier, and the clause it rests on */
  basis: string;
  source: Pick<CommitmentSource, 'id' | 'title' | 'date' | 'url' | 'readAs'>;
  note?: string;
  /** instances one commitment covers together (availability set, zone-spread VMs); counted once in a composite */
  redundancyGroup?: string;
}

/** The serial composite of a set of resources. */
export interface CompositeCommitment {
  /** product of every resource's figure; null when any resource has no figure */
  sla: number | null;
  downtimeMinutesPerMonth: number | null;
  /** resources whose missing figure makes the composite unknown */
  missing: { resourceId: string; status: 'no-sla' | 'unknown' }[];
  /** the composite of the resources that do have a figure: a ceiling for the whole set */
  knownPartSla: number | null;
  resources: number;
}

function tierIndex(table: SlaTable): Map<string, { tier: SlaTier; serviceTitle: string }> {
  const out = new Map<string, { tier: SlaTier; serviceTitle: string }>();
  for (const service of table.services) for (const tier of service.tiers) out.set(tier.id, { tier, serviceTitle: service.title });
  return out;
}

function sourceSummary(table: SlaTable, id: string): ResourceCommitment['source'] {
  const s = table.sources.find((x) => x.id === id);
  if (!s) throw new Error(`SLA table cites unknown source '${id}'`);
  return { id: s.id, title: s.title, date: s.date, url: s.url, readAs: s.readAs };
}

/**
 * Each resource whose type has an SLA of its own -> the tier it falls under in the pack's SLA
 * table, with the figure (or none / unknown) and the basis. Resources of other types (disks,
 * NSGs, virtual networks…) are left out: they carry no commitment of their own.
 */
export function resourceCommitments(resources: readonly Resource[], table: SlaTable): ResourceCommitment[] {
  const index = indexInventory(resources);
  const tiers = tierIndex(table);
  const out: ResourceCommitment[] = [];
  for (const r of resources) {
    const choice = chooseTier(r, index);
    if (!choice) continue;
    const found = tiers.get(choice.tier);
    if (!found) throw new Error(`the SLA table has no tier '${choice.tier}' (run demarc content check)`);
    const { tier, serviceTitle } = found;
    const status = typeof tier.uptime === 'number' ? 'committed' : tier.uptime === 'none' ? 'no-sla' : 'unknown';
    const commitment: ResourceCommitment = {
      resourceId: r.id,
      resourceName: r.name,
      resourceType: r.type,
      service: choice.service,
      serviceTitle,
      tier: tier.id,
      configuration: tier.configuration,
      status,
      sla: typeof tier.uptime === 'number' ? tier.uptime : null,
      basis: `${choice.basis}. ${tier.configuration}: ${describeUptime(tier.uptime)} (${tier.source}).`,
      source: sourceSummary(table, tier.source),
    };
    if (tier.note) commitment.note = tier.note;
    if (choice.redundancyGroup) commitment.redundancyGroup = choice.redundancyGroup;
    out.push(commitment);
  }
  return out;
}

function describeUptime(uptime: SlaTier['uptime']): string {
  if (uptime === 'none') return 'no financially backed SLA';
  if (uptime === 'unknown') return 'figure not sourced';
  return `${uptime} %`;
}

/** One figure per redundancy group: the instances of a set are not in series with each other. */
function oncePerGroup(commitments: readonly ResourceCommitment[]): ResourceCommitment[] {
  const seen = new Set<string>();
  return commitments.filter((c) => !c.redundancyGroup || (!seen.has(c.redundancyGroup) && seen.add(c.redundancyGroup)));
}

/** Every resource (or redundancy group) required, in series: the contractual ceiling of the set. */
export function compositeOf(commitments: readonly ResourceCommitment[]): CompositeCommitment {
  const missing = commitments.filter((c) => c.status !== 'committed').map((c) => ({ resourceId: c.resourceId, status: c.status as 'no-sla' | 'unknown' }));
  const known = oncePerGroup(commitments).filter((c) => c.sla !== null).map((c) => c.sla);
  const sla = commitments.length > 0 && missing.length === 0 ? serialAvailability(known) : null;
  return {
    sla,
    downtimeMinutesPerMonth: downtimeMinutesPerMonth(sla),
    missing,
    knownPartSla: known.length > 0 ? serialAvailability(known) : null,
    resources: commitments.length,
  };
}
