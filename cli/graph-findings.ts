/**
 * The `--inventory FILE [--inventory FILE …]` inputs of `demarc findings` and `demarc assess`:
 * each file is told apart by its content, a Microsoft Graph snapshot by its
 * `demarcGraphSnapshot` header (docs/graph-collector.md), anything else is read as a Resource
 * Graph inventory. Resource Graph files are checked together (the same resource in two files
 * counts once, the last file wins); each Graph snapshot is checked on its own, so findings of
 * both kinds reach risk derivation side by side.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { runChecks, type Finding } from '../core/checks/run-checks';
import type { Matrix } from '../core/content/schemas';
import type { ContentPack } from '../core/content/types';
import { BreakGlassAccountsSchema } from '../core/bundle/schema';
import { runGraphChecks, type GraphCheckRun } from '../core/graph/checks/run-graph-checks';
import { isGraphSnapshotFile, parseGraphSnapshot, type GraphSnapshot } from '../core/graph/snapshot';
import type { Resource } from '../core/inventory/normalise';
import type { InventoryFormat } from '../core/inventory/parse';
import { loadBundleFile } from './bundle-file';
import { CliUsageError, type CliIo } from './io';
import { loadInventoryFile } from './inventory-file';
import { userPath } from './pack';

/** A Resource Graph inventory file as read. */
export interface ArgInput {
  kind: 'resource-graph';
  file: string;
  format: InventoryFormat;
  resources: Resource[];
}

/** A Microsoft Graph snapshot file and what its checks found. */
export interface GraphInput {
  kind: 'microsoft-graph';
  file: string;
  snapshot: GraphSnapshot;
  run: GraphCheckRun;
}

export interface InventoryInputs {
  inputs: (ArgInput | GraphInput)[];
  /** Resource Graph resources of every file, each once. */
  resources: Resource[];
  /** Findings of the Resource Graph checks over `resources`. */
  resourceGraphFindings: Finding[];
  /** `resourceGraphFindings`, then the findings of each Graph snapshot. */
  findings: Finding[];
  graph: GraphInput[];
}

/** The help lines of the two options below (`demarc findings` and `demarc assess`). */
export const BREAK_GLASS_USAGE = [
  '  --break-glass ACCOUNT       an emergency access account, by UPN or object id (repeatable); GR-09',
  '                              checks them and Conditional Access exclusions of them do not weaken a policy',
  '  --break-glass-from BUNDLE   the accounts an assessment bundle names (graphSettings.breakGlassAccounts,',
  '                              as the app exports them); each --break-glass adds to them',
];

/**
 * The emergency access accounts for the Graph checks: those the bundle given with
 * `--break-glass-from` names, then each `--break-glass` added (a name already there, in any
 * case, counts once). Validated as the bundle validates them; a bad one is named.
 */
export function breakGlassAccountsFrom(values: { 'break-glass'?: string[] | undefined; 'break-glass-from'?: string | undefined }, io: CliIo): string[] {
  const from = values['break-glass-from'];
  const named = from ? (loadBundleFile(from, io).graphSettings?.breakGlassAccounts ?? []) : [];
  if (from && named.length === 0) io.stderr(`warning: ${from} names no emergency access accounts.\n`);
  const merged = [...named];
  for (const account of values['break-glass'] ?? []) if (!merged.some((m) => m.toLowerCase() === account.trim().toLowerCase())) merged.push(account);
  const parsed = BreakGlassAccountsSchema.safeParse(merged);
  if (!parsed.success) throw new CliUsageError(`--break-glass: ${parsed.error.issues.map((i) => i.message).join('; ')}`, 1);
  return parsed.data;
}

/** Reads every `--inventory` file and runs the checks of its kind. */
export function readInventoryInputs(files: readonly string[], ctx: { pack: ContentPack; matrix: Matrix; breakGlassAccounts: readonly string[]; io: CliIo }): InventoryInputs {
  const inputs = files.map((file): ArgInput | GraphInput => {
    const snapshot = graphSnapshotIn(file, ctx.io);
    if (snapshot) return { kind: 'microsoft-graph', file, snapshot, run: runGraphChecks(snapshot, { matrix: ctx.matrix, settings: { breakGlassAccounts: ctx.breakGlassAccounts } }) };
    return { kind: 'resource-graph', file, ...loadInventoryFile(file, ctx.pack, ctx.io) };
  });
  const byId = new Map<string, Resource>();
  for (const input of inputs) if (input.kind === 'resource-graph') for (const r of input.resources) byId.set(r.id.toLowerCase(), r);
  const resources = [...byId.values()];
  const graph = inputs.filter((i): i is GraphInput => i.kind === 'microsoft-graph');
  const resourceGraphFindings = resources.length > 0 ? runChecks(resources, ctx.pack.checks, { matrix: ctx.matrix }) : [];
  const findings = [...resourceGraphFindings, ...graph.flatMap((g) => g.run.findings)];
  return { inputs, resources, resourceGraphFindings, findings, graph };
}

/** The Graph snapshot in `file`, or undefined when it is not one (the inventory reader reports other problems). */
function graphSnapshotIn(file: string, io: CliIo): GraphSnapshot | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(userPath(file, io), 'utf8'));
  } catch {
    return undefined; // not JSON (CSV), or unreadable: the inventory path reports it
  }
  if (!isGraphSnapshotFile(value)) return undefined;
  try {
    return parseGraphSnapshot(value);
  } catch (error) {
    if (error instanceof z.ZodError) {
      const issue = error.issues[0]!;
      throw new CliUsageError(`${file}: not a valid Graph snapshot: ${issue.path.join('.') || '(root)'}: ${issue.message}`, 1);
    }
    throw error;
  }
}

/** The not-assessed Graph checks, one line each, for the table output. */
export function describeNotAssessed(graph: readonly GraphInput[]): string {
  return graph.flatMap((g) => g.run.notAssessed.map((n) => `NOT ASSESSED  ${n.checkId}  ${n.title}: ${n.reason}${graph.length > 1 ? ` (${g.file})` : ''}\n`)).join('');
}
