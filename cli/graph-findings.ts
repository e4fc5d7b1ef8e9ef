/**
 * The hook that lets `demarc findings --inventory FILE` take a Graph snapshot
 * (docs/graph-collector.md): it recognises the file by its `demarcGraphSnapshot` header,
 * validates it and runs the Graph checks. Resource Graph inventories are left to the
 * existing path.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Matrix } from '../core/content/schemas';
import { runGraphChecks, type GraphCheckRun } from '../core/graph/checks/run-graph-checks';
import { isGraphSnapshotFile, parseGraphSnapshot } from '../core/graph/snapshot';
import { CliUsageError, type CliIo } from './io';
import { userPath } from './pack';

/** Graph findings for `file`, or undefined when it is not a Graph snapshot. */
export function graphFindingsFor(file: string, io: CliIo, matrix: Matrix, breakGlassAccounts: readonly string[]): GraphCheckRun | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(userPath(file, io), 'utf8'));
  } catch {
    return undefined; // not JSON, or unreadable: the inventory path reports it
  }
  if (!isGraphSnapshotFile(value)) return undefined;
  try {
    return runGraphChecks(parseGraphSnapshot(value), { matrix, settings: { breakGlassAccounts } });
  } catch (error) {
    if (error instanceof z.ZodError) {
      const issue = error.issues[0]!;
      throw new CliUsageError(`${file}: not a valid Graph snapshot: ${issue.path.join('.') || '(root)'}: ${issue.message}`, 1);
    }
    throw error;
  }
}

/** The not-assessed checks, one line each, for the table output. */
export function describeNotAssessed(run: GraphCheckRun): string {
  return run.notAssessed.map((n) => `NOT ASSESSED  ${n.checkId}  ${n.title}: ${n.reason}\n`).join('');
}
