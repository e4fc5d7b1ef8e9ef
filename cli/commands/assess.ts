import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AssessmentBundleSchema, BUNDLE_SCHEMA_VERSION, toBundleResource, type AssessmentBundle, type BundleFinding, type BundleSnapshot } from '../../core/bundle/schema';
import type { Resource } from '../../core/inventory/normalise';
import { AnswersInputSchema, type Answers } from '../../core/interview/answers';
import { scopeModels, validateAnswers } from '../../core/interview/flow';
import { parseJsonWithLocation, InventoryParseError } from '../../core/inventory/parse';
import { deriveRisks } from '../../core/risks/derive';
import { estateAvailabilityGaps } from '../../core/risks/availability-gaps';
import { BusinessServiceSchema, type BusinessService } from '../../core/bundle/schema';
import { z } from 'zod';
import { writeFileAtomic } from '../../node/atomic-write';
import { environmentsOf } from '../../core/risks/environment';
import type { CliCommand } from '../io';
import { CliUsageError, parseOptions } from '../io';
import { loadValidPack, packDirFrom, userPath } from '../pack';
import { BREAK_GLASS_USAGE, breakGlassAccountsFrom, readInventoryInputs, type InventoryInputs } from '../graph-findings';
import { matrixFrom } from '../inventory-file';

/** `demarc assess`: inventory (+ answers) -> findings and risks, written as an assessment bundle. */
export const assessCommand: CliCommand = {
  name: 'assess',
  summary: 'build an assessment bundle (findings + risks) from an inventory and answers',
  usage: [
    'Usage: demarc assess --inventory FILE [--inventory FILE …] [--answers FILE] -o OUT.demarc.json',
    '                     [--break-glass ACCOUNT …] [--break-glass-from BUNDLE] [--business-services FILE]',
    '                     [--name TEXT] [--client TEXT]',
    '                     [--matrix ID] [--pack DIR]',
    '',
    'Each FILE is a Resource Graph inventory or a Microsoft Graph snapshot (told from its',
    "content, as for 'demarc findings'); the findings of both feed the risks, and a compliant",
    'answer contradicted by either is flagged.',
    '',
    ...BREAK_GLASS_USAGE,
    '  The accounts used are written to the bundle (graphSettings), so the app and a later',
    '  assess run (--break-glass-from) check the same ones.',
    '',
    'The answers file is JSON mapping question ids to a choice id, a list of choice ids,',
    'or {choices, note}. The bundle format: docs/ARCHITECTURE.md, "Data contracts".',
    '',
    "--business-services FILE: a JSON array of the client's business services (the bundle's",
    '`businessServices`); they go into the bundle and are the workloads whose composite SLA is',
    'compared with their tolerance (without them, the suggested workloads and SCOPE-CRITICALITY).',
  ].join('\n'),
  async run(args, io) {
    const values = parseOptions(args, {
      inventory: { type: 'string', multiple: true },
      'break-glass': { type: 'string', multiple: true },
      'break-glass-from': { type: 'string' },
      answers: { type: 'string' },
      'business-services': { type: 'string' },
      output: { type: 'string', short: 'o' },
      name: { type: 'string' },
      client: { type: 'string' },
      matrix: { type: 'string' },
      pack: { type: 'string' },
    });
    if (!values.inventory?.length) throw new CliUsageError('--inventory FILE is required');
    if (!values.output) throw new CliUsageError('-o OUT.demarc.json is required');
    const pack = loadValidPack(packDirFrom(values.pack, io));
    const matrix = matrixFrom(pack, values.matrix);
    const breakGlassAccounts = breakGlassAccountsFrom(values, io);
    const read = readInventoryInputs(values.inventory, { pack, matrix, breakGlassAccounts, io });
    const { resources, findings } = read;

    let answers: Answers = {};
    if (values.answers) {
      const raw = readJsonFile(values.answers, io);
      const parsed = AnswersInputSchema.safeParse(raw);
      if (!parsed.success)
        throw new CliUsageError(`${values.answers}: ${issuesText(parsed.error)}`, 1);
      answers = parsed.data;
      const problems = validateAnswers(pack, answers);
      if (problems.length > 0) throw new CliUsageError(`${values.answers}: ${problems.map((p) => p.message).join('; ')}`, 1);
    }

    // production vs non-production (tags, subscription names) moves impact: see rating-factors.yaml
    const rules = pack.ratingFactors?.impact.nonProduction;
    const environments = rules ? environmentsOf(resources.map((r) => r.raw), rules) : undefined;
    const businessServices = values['business-services'] ? readBusinessServices(values['business-services'], io) : [];
    const availabilityGaps = estateAvailabilityGaps(pack, resources, businessServices, answers);
    const risks = deriveRisks({ pack, answers, findings, matrixId: matrix.id, environments, availabilityGaps });
    const now = new Date().toISOString();
    const { snapshots, snapshotOf, graphFindings } = bundleSnapshots(read, now);
    const subscriptions = [...new Set(resources.map((r) => r.subscriptionId).filter((s) => s !== ''))].sort();
    const bundle: AssessmentBundle = {
      format: 'demarc-assessment',
      schemaVersion: BUNDLE_SCHEMA_VERSION,
      exportedAt: now,
      assessment: {
        id: randomUUID(),
        name: values.name ?? `Assessment ${now.slice(0, 10)}`,
        client: values.client ?? 'Unnamed client',
        status: 'draft',
        createdAt: now,
        updatedAt: now,
        packId: pack.header.id,
        packVersion: pack.header.version,
        matrixId: matrix.id,
        matrixVersion: String(matrix.version),
        riskMatrixId: pack.riskMatrix.id,
        riskMatrixVersion: String(pack.riskMatrix.version),
        scope: { serviceModels: scopeModels(answers) ?? [], subscriptions },
      },
      answers,
      contacts: [],
      ...(businessServices.length > 0 ? { businessServices } : {}),
      ...(breakGlassAccounts.length > 0 ? { graphSettings: { breakGlassAccounts } } : {}),
      inventory: {
        snapshots,
        resources: resources.map((r) => toBundleResource(r, snapshotOf(r))),
        findings: [...read.resourceGraphFindings, ...graphFindings],
      },
      risks,
      contentPack: { id: pack.header.id, version: pack.header.version },
    };
    const check = AssessmentBundleSchema.safeParse(bundle);
    if (!check.success) throw new Error(`internal error: the bundle does not match its schema: ${check.error.issues[0]?.message}`);
    const out = userPath(values.output, io);
    await writeFileAtomic(out, `${JSON.stringify(bundle, null, 2)}\n`);
    const fails = findings.filter((f) => f.status === 'fail').length;
    const graph = read.graph.length > 0 ? `, ${read.graph.length} Graph snapshot(s) (${read.graph.reduce((n, g) => n + g.run.notAssessed.length, 0)} check(s) not assessed)` : '';
    io.stdout(`Wrote ${values.output}: ${resources.length} resources${graph}, ${findings.length} findings (${fails} failing), ${risks.length} risks.\n`);
    return 0;
  },
};

/** The business services file: JSON, a list valid against the bundle's schema (every problem named by its path). */
function readBusinessServices(file: string, io: Parameters<typeof userPath>[1]): BusinessService[] {
  const parsed = z
    .array(BusinessServiceSchema)
    .max(500)
    .refine((list) => new Set(list.map((s) => s.id)).size === list.length, 'business service ids must be unique')
    .safeParse(readJsonFile(file, io));
  if (!parsed.success) throw new CliUsageError(`${file}: ${issuesText(parsed.error)}`, 1);
  return parsed.data;
}

const issuesText = (error: z.ZodError): string => error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** A JSON file the user names; a syntax error is reported with its line and column. */
function readJsonFile(file: string, io: Parameters<typeof userPath>[1]): unknown {
  try {
    return parseJsonWithLocation(readFileSync(userPath(file, io), 'utf8'));
  } catch (e) {
    if (e instanceof InventoryParseError) throw new CliUsageError(`${file}: ${e.message}`, 1);
    throw new CliUsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1);
  }
}

/**
 * One bundle snapshot per input file. A Resource Graph file's resources point at it (a resource
 * in two files at the last one, as it is counted once); a Graph snapshot stores its tenant, its
 * capture time and the checks it could not assess, and its findings name Graph object ids (the
 * tenant id for tenant-wide ones) and the snapshot that produced them: with two Graph files each
 * finding stays with its own snapshot. Graph objects themselves (users' names) are not copied.
 */
function bundleSnapshots(read: InventoryInputs, now: string): { snapshots: BundleSnapshot[]; snapshotOf: (r: Resource) => string; graphFindings: BundleFinding[] } {
  const owner = new Map<string, string>();
  const graphFindings: BundleFinding[] = [];
  const snapshots = read.inputs.map((input): BundleSnapshot => {
    const id = randomUUID();
    if (input.kind === 'microsoft-graph') {
      const meta = input.snapshot.demarcGraphSnapshot;
      for (const f of input.run.findings) graphFindings.push({ ...f, snapshotId: id });
      return {
        id,
        takenAt: meta.capturedAt,
        source: meta.source === 'pull' ? 'graph-pull' : 'graph-import',
        fileName: basename(input.file),
        rowCount: input.snapshot.data.length,
        subscriptions: [],
        tenantId: meta.tenantId,
        notAssessed: input.run.notAssessed.map((n) => ({ checkId: n.checkId, reason: n.reason })),
      };
    }
    for (const r of input.resources) owner.set(r.id.toLowerCase(), id);
    const subscriptions = [...new Set(input.resources.map((r) => r.subscriptionId).filter((s) => s !== ''))].sort();
    return { id, takenAt: now, source: 'file-import', format: input.format, fileName: basename(input.file), rowCount: input.resources.length, subscriptions };
  });
  return { snapshots, snapshotOf: (r) => owner.get(r.id.toLowerCase())!, graphFindings };
}
