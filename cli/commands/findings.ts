import { readFileSync } from 'node:fs';
import { runChecks, type Finding } from '../../core/checks/run-checks';
import { readInventory, serviceModelLookup } from '../../core/inventory/normalise';
import { InventoryParseError } from '../../core/inventory/parse';
import { reservedKeysNote } from '../../core/inventory/reserved-keys';
import type { ContentPack } from '../../core/content/types';
import { describeNotAssessed, graphFindingsFor } from '../graph-findings';
import type { CliCommand, CliIo } from '../io';
import { CliUsageError, parseOptions } from '../io';
import { loadValidPack, packDirFrom, userPath } from '../pack';

/** Reads and normalises an inventory file, turning parse errors into user errors that name the file. */
export function loadInventoryFile(file: string, pack: ContentPack, io: CliIo): ReturnType<typeof readInventory> {
  let text: string;
  try {
    text = readFileSync(userPath(file, io), 'utf8');
  } catch (e) {
    throw new CliUsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1);
  }
  try {
    const inventory = readInventory(text, serviceModelLookup(pack.serviceModels));
    const note = reservedKeysNote(inventory.droppedKeys);
    if (note) io.stderr(`${file}: ${note}\n`);
    return inventory;
  } catch (e) {
    if (e instanceof InventoryParseError) throw new CliUsageError(`${file}: ${e.message}`, 1);
    throw e;
  }
}

/** Resolves the matrix option against the pack. */
export function matrixFrom(pack: ContentPack, id: string | undefined) {
  const matrixId = id ?? pack.header.defaultMatrix;
  const matrix = pack.matrices.get(matrixId);
  if (!matrix) throw new CliUsageError(`unknown matrix '${matrixId}' (known: ${[...pack.matrices.keys()].join(', ')})`);
  return matrix;
}

function table(findings: readonly Finding[]): string {
  const rows = findings.map((f) => [f.status.toUpperCase(), f.checkId, f.severity, f.owner, f.resourceName, f.resourceType, f.subscriptionId]);
  const header = ['STATUS', 'CHECK', 'SEVERITY', 'OWNER', 'RESOURCE', 'TYPE', 'SUBSCRIPTION'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const fmt = (r: string[]) => r.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [fmt(header), ...rows.map(fmt)].join('\n');
}

/** `demarc findings`: runs every check of the pack over an inventory file. */
export const findingsCommand: CliCommand = {
  name: 'findings',
  summary: 'run the checks over an inventory file and print the findings',
  usage: [
    'Usage: demarc findings --inventory FILE [--json] [--failed] [--matrix ID] [--pack DIR]',
    '',
    'FILE: a JSON array of Resource Graph rows, a Resource Graph REST response (or an array',
    "of them), 'az graph query' output, or a CSV export from Resource Graph Explorer; or a",
    "Microsoft Graph snapshot from 'demarc graph pull' / 'graph import' (the Graph checks run;",
    '--json then prints {findings, notAssessed}).',
    '',
    '  --break-glass ACCOUNT  an emergency access account, by UPN or object id (repeatable; Graph snapshots)',
    '  --json        print the findings as a JSON array',
    '  --failed      only failing findings',
    '  --matrix ID   responsibility matrix for owners (default: the pack default)',
  ].join('\n'),
  async run(args, io) {
    const values = parseOptions(args, { inventory: { type: 'string' }, json: { type: 'boolean' }, failed: { type: 'boolean' }, matrix: { type: 'string' }, pack: { type: 'string' }, 'break-glass': { type: 'string', multiple: true } });
    if (!values.inventory) throw new CliUsageError('--inventory FILE is required');
    const pack = loadValidPack(packDirFrom(values.pack, io));
    const matrix = matrixFrom(pack, values.matrix);
    const graph = graphFindingsFor(values.inventory, io, matrix, values['break-glass'] ?? []);
    const resources = graph ? [] : loadInventoryFile(values.inventory, pack, io).resources;
    let findings = graph ? graph.findings : runChecks(resources, pack.checks, { matrix });
    if (values.failed) findings = findings.filter((f) => f.status === 'fail');
    if (values.json) {
      io.stdout(`${JSON.stringify(graph ? { findings, notAssessed: graph.notAssessed } : findings, null, 2)}\n`);
      return 0;
    }
    const count = (s: Finding['status']) => findings.filter((f) => f.status === s).length;
    if (graph) {
      io.stdout(`${table(findings)}\n${describeNotAssessed(graph)}\n${findings.length} findings: ${count('fail')} fail, ${count('pass')} pass, ${count('not-applicable')} not applicable; ${graph.notAssessed.length} check(s) not assessed (matrix ${matrix.id})\n`);
      return 0;
    }
    io.stdout(`${table(findings)}\n\n${resources.length} resources, ${findings.length} findings: ${count('fail')} fail, ${count('pass')} pass, ${count('not-applicable')} not applicable (matrix ${matrix.id})\n`);
    return 0;
  },
};
