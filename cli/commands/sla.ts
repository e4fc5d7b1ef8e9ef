import { compositeOf, resourceCommitments, type CompositeCommitment, type ResourceCommitment } from '../../core/commitments/resource-commitments';
import { downtimeMinutesPerMonth } from '../../core/commitments/composite';
import { estateCommitments } from '../../core/commitments/estate';
import { evaluateWorkload, suggestWorkloads, toleranceFor, type WorkloadEvaluation } from '../../core/commitments/workload';
import type { ContentPack } from '../../core/content/types';
import { normaliseRows, serviceModelLookup, type Resource } from '../../core/inventory/normalise';
import { loadBundleFile } from '../bundle-file';
import { textTable } from '../text-table';
import type { CliCommand } from '../io';
import { CliUsageError, parseOptions } from '../io';
import { loadValidPack, packDirFrom } from '../pack';
import { loadInventoryFile } from '../inventory-file';

const percent = (n: number | null): string => (n === null ? '—' : `${n} %`);
const minutes = (n: number | null): string => (n === null ? '—' : `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })} min`);

function statusText(c: ResourceCommitment): string {
  if (c.status === 'committed') return percent(c.sla);
  return c.status === 'no-sla' ? 'no SLA' : 'unknown';
}

function table(commitments: readonly ResourceCommitment[]): string {
  const rows = commitments.map((c) => [statusText(c), minutes(downtimeMinutesPerMonth(c.sla)), c.serviceTitle, c.resourceName, c.basis]);
  const header = ['SLA', 'DOWNTIME/MONTH', 'SERVICE', 'RESOURCE', 'BASIS'];
  return textTable(header, rows, { maxWidth: 40, wrapLast: true });
}

function compositeText(composite: CompositeCommitment): string {
  if (composite.resources === 0) return 'No resource in the inventory has an SLA of its own.';
  if (composite.sla !== null)
    return `Composite of all ${composite.resources} resources in series: ${percent(composite.sla)} (${minutes(composite.downtimeMinutesPerMonth)} of downtime a month at the limit). A contractual ceiling: it assumes independent failures.`;
  const noSla = composite.missing.filter((m) => m.status === 'no-sla').length;
  const unknown = composite.missing.length - noSla;
  return `Composite unknown: ${noSla} resource(s) have no SLA and ${unknown} have no sourced figure. The ${composite.resources - composite.missing.length} resource(s) with a figure compose to ${percent(composite.knownPartSla)} at best.`;
}

function workloadText(e: WorkloadEvaluation): string {
  const head = `${e.workload.name} (${e.workload.basis}; ${e.commitments.length} resource(s)): ${percent(e.composite.sla)}, ${minutes(e.composite.downtimeMinutesPerMonth)} a month`;
  const against = e.tolerance ? ` against ${e.tolerance.maxDowntimeMinutesPerMonth} min tolerated (${e.tolerance.basis}): ${e.verdict === 'gap' ? 'GAP' : 'within tolerance'}` : '';
  const fixes = e.fixes.map((f) => `    - ${f.resourceName}: ${f.fix} [${f.priceClass}]`);
  const after = e.fixes.length > 0 ? [`    with these fixes: ${percent(e.compositeAfterFixes)}`] : [];
  return [head + against, ...fixes, ...after].join('\n');
}

/** Reads every `--inventory` file; the same resource in two files counts once (last wins). */
function readInventories(files: readonly string[], pack: Parameters<typeof loadInventoryFile>[1], io: Parameters<typeof loadInventoryFile>[2]): Resource[] {
  const byId = new Map<string, Resource>();
  for (const file of files) for (const r of loadInventoryFile(file, pack, io).resources) byId.set(r.id.toLowerCase(), r);
  return [...byId.values()];
}

interface SlaResult {
  commitments: ResourceCommitment[];
  composite: CompositeCommitment;
  workloads: WorkloadEvaluation[];
  workloadSource: 'business-services' | 'suggested';
}

/** Inventory files: suggested workloads, one tolerance for all (the RTO given, else the criticality). */
function fromInventories(files: readonly string[], pack: ContentPack, criticality: string | undefined, rto: number | undefined, io: Parameters<typeof loadInventoryFile>[2]): SlaResult {
  const data = pack.commitments!;
  const resources = readInventories(files, pack, io);
  const commitments = resourceCommitments(resources, data.sla);
  const tolerance = toleranceFor(data.tolerance, criticality, rto);
  const workloads = suggestWorkloads(resources, commitments).map((w) => evaluateWorkload(w, commitments, data.sla, tolerance));
  return { commitments, composite: compositeOf(commitments), workloads, workloadSource: 'suggested' };
}

/** A bundle: its business services as workloads (else the suggestions), the scoping answer unless --criticality replaces it. */
function fromBundle(file: string, pack: ContentPack, criticality: string | undefined, io: Parameters<typeof loadInventoryFile>[2]): SlaResult {
  const bundle = loadBundleFile(file, io);
  const data = pack.commitments!;
  const resources = normaliseRows(
    bundle.inventory.resources.map((r) => r.row),
    serviceModelLookup(pack.serviceModels),
  );
  const scopeCriticality = criticality ?? bundle.answers[data.tolerance.question]?.choices[0];
  return estateCommitments({ data, resources, services: bundle.businessServices ?? [], scopeCriticality });
}

/** `demarc sla`: what Microsoft commits to for each resource of an inventory, and the composite. */
export const slaCommand: CliCommand = {
  name: 'sla',
  summary: "print each resource's SLA commitment (from its configuration) and the composite",
  usage: [
    'Usage: demarc sla --inventory FILE [--inventory FILE …] [--json] [--pack DIR]',
    '       demarc sla --bundle FILE.demarc.json [--workloads] [--json] [--pack DIR]',
    '',
    "Each resource whose service has an SLA of its own gets the tier its configuration decides",
    '(disks, availability sets, zones, tiers, redundancy), with the figure from the pack\'s',
    'cited SLA table (commitments/azure-sla.yaml): a percentage, "no SLA" or "unknown".',
    'The composite multiplies every figure (all resources required): a contractual ceiling.',
    '',
    '  --json              print {resources: [{resourceId, service, sla, basis, …}], composite} as JSON',
    '  --workloads         also group resources into suggested workloads (workload/application tag,',
    '                      else resource group) and compare each composite with the tolerance',
    '  --criticality LEVEL tolerance from the scoping answer: low, medium, high or critical',
    '  --rto MINUTES       tolerance entered by the consultant (replaces --criticality)',
    '  --bundle FILE       read an assessment bundle instead: its inventory, and as workloads its',
    "                      business services (each with its own tolerance: tolerated downtime, RTO,",
    '                      criticality, else the scoping answer), or the suggestions when it has none',
  ].join('\n'),
  async run(args, io) {
    const values = parseOptions(args, {
      inventory: { type: 'string', multiple: true },
      bundle: { type: 'string' },
      json: { type: 'boolean' },
      pack: { type: 'string' },
      workloads: { type: 'boolean' },
      criticality: { type: 'string' },
      rto: { type: 'string' },
    });
    if (!values.inventory?.length === !values.bundle) throw new CliUsageError('give either --inventory FILE or --bundle FILE');
    if (values.bundle && values.rto !== undefined) throw new CliUsageError("--rto applies to --inventory; a bundle's business services carry their own");
    const pack = loadValidPack(packDirFrom(values.pack, io));
    if (!pack.commitments) throw new CliUsageError('the content pack has no provider commitments (commitments/azure-sla.yaml)', 1);
    const rto = values.rto === undefined ? undefined : Number(values.rto);
    if (rto !== undefined && !(Number.isFinite(rto) && rto > 0)) throw new CliUsageError('--rto must be a number of minutes above 0');
    const levels = pack.commitments.tolerance.levels.map((l) => l.choice);
    if (values.criticality !== undefined && !levels.includes(values.criticality)) throw new CliUsageError(`--criticality must be one of ${levels.join(', ')}`);
    const result = values.bundle ? fromBundle(values.bundle, pack, values.criticality, io) : fromInventories(values.inventory!, pack, values.criticality, rto, io);
    const workloads = values.workloads ? result.workloads : undefined;
    if (values.json) {
      const slaTable = { id: pack.commitments.sla.id, version: pack.commitments.sla.version };
      const source = workloads ? { workloadSource: result.workloadSource } : {};
      io.stdout(`${JSON.stringify({ slaTable, resources: result.commitments, composite: result.composite, ...source, ...(workloads ? { workloads } : {}) }, null, 2)}\n`);
      return 0;
    }
    const heading = result.workloadSource === 'business-services' ? "Workloads (the bundle's business services):" : 'Workloads (suggested):';
    const workloadLines = workloads ? `\n${heading}\n${workloads.map(workloadText).join('\n')}\n` : '';
    io.stdout(`${table(result.commitments)}\n\n${compositeText(result.composite)}\n${workloadLines}SLA table ${pack.commitments.sla.id} ${pack.commitments.sla.version} (Microsoft's Online Services SLA edition).\n`);
    return 0;
  },
};
