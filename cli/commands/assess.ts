import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AssessmentBundleSchema, BUNDLE_SCHEMA_VERSION, toBundleResource, type AssessmentBundle } from '../../core/bundle/schema';
import { runChecks } from '../../core/checks/run-checks';
import { AnswersInputSchema, type Answers } from '../../core/interview/answers';
import { scopeModels, validateAnswers } from '../../core/interview/flow';
import { parseJsonWithLocation, InventoryParseError } from '../../core/inventory/parse';
import { deriveRisks } from '../../core/risks/derive';
import { writeFileAtomic } from '../../node/atomic-write';
import { environmentsOf } from '../../core/risks/environment';
import type { CliCommand } from '../io';
import { CliUsageError, parseOptions } from '../io';
import { loadValidPack, packDirFrom, userPath } from '../pack';
import { loadInventoryFile, matrixFrom } from './findings';

/** `demarc assess`: inventory (+ answers) -> findings and risks, written as an assessment bundle. */
export const assessCommand: CliCommand = {
  name: 'assess',
  summary: 'build an assessment bundle (findings + risks) from an inventory and answers',
  usage: [
    'Usage: demarc assess --inventory FILE [--answers FILE] -o OUT.demarc.json',
    '                     [--name TEXT] [--client TEXT] [--matrix ID] [--pack DIR]',
    '',
    'The answers file is JSON mapping question ids to a choice id, a list of choice ids,',
    'or {choices, note}. The bundle format: docs/ARCHITECTURE.md, "Data contracts".',
  ].join('\n'),
  async run(args, io) {
    const values = parseOptions(args, {
      inventory: { type: 'string' },
      answers: { type: 'string' },
      output: { type: 'string', short: 'o' },
      name: { type: 'string' },
      client: { type: 'string' },
      matrix: { type: 'string' },
      pack: { type: 'string' },
    });
    if (!values.inventory) throw new CliUsageError('--inventory FILE is required');
    if (!values.output) throw new CliUsageError('-o OUT.demarc.json is required');
    const pack = loadValidPack(packDirFrom(values.pack, io));
    const matrix = matrixFrom(pack, values.matrix);
    const { format, resources } = loadInventoryFile(values.inventory, pack, io);

    let answers: Answers = {};
    if (values.answers) {
      let raw: unknown;
      try {
        raw = parseJsonWithLocation(readFileSync(userPath(values.answers, io), 'utf8'));
      } catch (e) {
        if (e instanceof InventoryParseError) throw new CliUsageError(`${values.answers}: ${e.message}`, 1);
        throw new CliUsageError(`cannot read ${values.answers}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1);
      }
      const parsed = AnswersInputSchema.safeParse(raw);
      if (!parsed.success)
        throw new CliUsageError(`${values.answers}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, 1);
      answers = parsed.data;
      const problems = validateAnswers(pack, answers);
      if (problems.length > 0) throw new CliUsageError(`${values.answers}: ${problems.map((p) => p.message).join('; ')}`, 1);
    }

    const findings = runChecks(resources, pack.checks, { matrix });
    // production vs non-production (tags, subscription names) moves impact: see rating-factors.yaml
    const rules = pack.ratingFactors?.impact.nonProduction;
    const environments = rules ? environmentsOf(resources.map((r) => r.raw), rules) : undefined;
    const risks = deriveRisks({ pack, answers, findings, matrixId: matrix.id, environments });
    const now = new Date().toISOString();
    const snapshotId = randomUUID();
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
      inventory: {
        snapshots: [{ id: snapshotId, takenAt: now, source: 'file-import', format, fileName: basename(values.inventory), rowCount: resources.length, subscriptions }],
        resources: resources.map((r) => toBundleResource(r, snapshotId)),
        findings,
      },
      risks,
      contentPack: { id: pack.header.id, version: pack.header.version },
    };
    const check = AssessmentBundleSchema.safeParse(bundle);
    if (!check.success) throw new Error(`internal error: the bundle does not match its schema: ${check.error.issues[0]?.message}`);
    const out = userPath(values.output, io);
    await writeFileAtomic(out, `${JSON.stringify(bundle, null, 2)}\n`);
    const fails = findings.filter((f) => f.status === 'fail').length;
    io.stdout(`Wrote ${values.output}: ${resources.length} resources, ${findings.length} findings (${fails} failing), ${risks.length} risks.\n`);
    return 0;
  },
};
