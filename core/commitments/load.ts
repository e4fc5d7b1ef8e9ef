import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ContentError, PackFile } from '../content/types';
import { CLASSIFIER_TIERS } from './classify';
import { areas } from '../content/vocabulary';
import { otherProviderProblems, OtherProvidersSchema, slaTableProblems, SlaTableSchema, supportPlanProblems, SupportPlansSchema, ToleranceSchema, worksheetProblems, WorksheetItemsSchema, type ProviderCommitments } from './schema';

/** The provider-commitment files of a pack, by path. */
export const COMMITMENT_FILES = { sla: 'commitments/azure-sla.yaml', supportPlans: 'commitments/support-plans.yaml', tolerance: 'commitments/tolerance.yaml', otherProviders: 'commitments/other-providers.yaml', worksheet: 'commitments/provider-worksheet.yaml' } as const;

/** True for a pack path this module reads (the pack loader leaves these to it). */
export const isCommitmentFile = (path: string): boolean => Object.values(COMMITMENT_FILES).includes(path as never);

/** `services[2].tiers[0].uptime` */
const issuePath = (path: readonly PropertyKey[]): string => path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('').replace(/^\./, '');

function parseFile<T>(file: PackFile, schema: z.ZodType<T>, errors: ContentError[]): T | undefined {
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) errors.push({ file: file.path, path: '', message: `YAML syntax error: ${e.message.split('\n')[0]}` });
    return undefined;
  }
  const result = schema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!result.success) {
    for (const issue of result.error.issues) errors.push({ file: file.path, path: issuePath(issue.path), message: issue.message });
    return undefined;
  }
  return result.data;
}

/**
 * Reads and validates the pack's provider-commitment data. A pack without the files has no
 * commitments (the SLA features then say so); a pack with some but not all of them is an error,
 * and every tier the inventory classifiers can choose must exist in the SLA table.
 */
export function loadCommitments(files: readonly PackFile[]): { commitments?: ProviderCommitments; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const present = Object.values(COMMITMENT_FILES).map((path) => files.find((f) => f.path === path));
  if (present.every((f) => f === undefined)) return { errors };
  const missing = Object.values(COMMITMENT_FILES).filter((_, i) => present[i] === undefined);
  if (missing.length > 0) return { errors: missing.map((file) => ({ file, path: '', message: `provider commitments need all ${Object.keys(COMMITMENT_FILES).length} commitments files` })) };
  const [slaFile, plansFile, toleranceFile, othersFile, worksheetFile] = present as PackFile[];
  const sla = parseFile(slaFile!, SlaTableSchema, errors);
  const supportPlans = parseFile(plansFile!, SupportPlansSchema, errors);
  const tolerance = parseFile(toleranceFile!, ToleranceSchema, errors);
  const otherProviders = parseFile(othersFile!, OtherProvidersSchema, errors);
  const worksheet = parseFile(worksheetFile!, WorksheetItemsSchema, errors);
  if (worksheet) for (const [path, message] of worksheetProblems(worksheet)) errors.push({ file: worksheetFile!.path, path, message });
  if (otherProviders) for (const [path, message] of otherProviderProblems(otherProviders, areas)) errors.push({ file: othersFile!.path, path, message });
  if (sla) {
    for (const [path, message] of slaTableProblems(sla)) errors.push({ file: slaFile!.path, path, message });
    const tiers = new Set(sla.services.flatMap((s) => s.tiers.map((t) => t.id)));
    for (const tier of CLASSIFIER_TIERS) if (!tiers.has(tier)) errors.push({ file: slaFile!.path, path: 'services', message: `no tier '${tier}': the inventory classifier needs it` });
  }
  if (supportPlans) for (const [path, message] of supportPlanProblems(supportPlans)) errors.push({ file: plansFile!.path, path, message });
  if (!sla || !supportPlans || !tolerance || !otherProviders || !worksheet || errors.length > 0) return { errors };
  return { commitments: { sla, supportPlans, tolerance, otherProviders, worksheet }, errors };
}
